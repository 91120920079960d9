// Unit tests of purecc_rt_mpi's pieces that need no running MPI: the
// tree-aligned hand-out plan, the blob cache (with rank 0's mirror) and
// the cost estimate that decides whether a job's nodes travel, how many
// nodes a worker may hold, how long an idle communication thread sleeps,
// and a task message's rounding mode and protocol version.
#include "blob_lru.h"
#include "comm_wait.h"
#include "node_plan.h"
#include "scheduler.h"
#include "wire.h"
#include "worker.h"

#include "purecc/range_tree.h"
#include "purecc/shipped_flags.h"

#include <gtest/gtest.h>

#include <cfenv>

#include <set>
#include <vector>

namespace {

using purecc::mpi::BlobLru;
using purecc::mpi::NodePlan;
using Node = std::pair<std::int64_t, std::int64_t>;

/// Whether [b, e) is a node of the split tree of [begin, end) with `leaf`.
bool is_tree_node(std::int64_t begin, std::int64_t end, std::int64_t leaf, Node n) {
  if (n.first == begin && n.second == end) return true;
  if (purecc::detail::range_length(begin, end) <= static_cast<std::uint64_t>(leaf)) return false;
  const std::int64_t mid = purecc::detail::split_point(begin, end, leaf);
  return n.second <= mid ? is_tree_node(begin, mid, leaf, n)
                         : n.first >= mid && is_tree_node(mid, end, leaf, n);
}

std::vector<Node> all_nodes(std::int64_t b, std::int64_t e, std::int64_t leaf, std::int64_t div) {
  NodePlan plan(b, e, leaf, div);
  std::vector<Node> out;
  while (auto n = plan.next()) out.push_back(*n);
  EXPECT_TRUE(plan.exhausted());
  return out;
}

TEST(NodePlan, HandsOutTreeNodesLeftToRightCoveringTheRange) {
  for (auto [b, e, leaf] : {std::tuple{0LL, 1000LL, 7LL}, {-50LL, 3LL, 1LL}, {5LL, 6LL, 4LL},
                            {0LL, 1LL << 20, 1024LL}, {INT64_MIN, INT64_MIN + 999, 10LL}}) {
    std::vector<Node> nodes = all_nodes(b, e, leaf, NodePlan::kDivisor);
    ASSERT_FALSE(nodes.empty());
    std::int64_t at = b;
    for (Node n : nodes) {
      EXPECT_EQ(n.first, at);
      EXPECT_LT(n.first, n.second);
      EXPECT_TRUE(is_tree_node(b, e, leaf, n)) << n.first << ".." << n.second;
      at = n.second;
    }
    EXPECT_EQ(at, e);
  }
}

TEST(NodePlan, PiecesShrinkTowardTheEndAndTheSequenceIsFixed) {
  std::vector<Node> nodes = all_nodes(0, 1 << 16, 16, 64);
  EXPECT_GT(nodes.size(), 64u);
  const auto size = [](Node n) { return n.second - n.first; };
  EXPECT_GE(size(nodes.front()), 16 * size(nodes.back()));
  EXPECT_EQ(size(nodes.back()), 16); // the last pieces are single leaves
  EXPECT_EQ(nodes, all_nodes(0, 1 << 16, 16, 64));
}

TEST(NodePlan, EmptyRangeHandsOutNothing) {
  NodePlan plan(4, 4, 1, 64);
  EXPECT_FALSE(plan.next());
}

TEST(BlobLru, EvictsLeastRecentlyUsedAndKeepsTheNewest) {
  BlobLru lru(100);
  const purecc::Hash128 a{1, 1}, b{2, 2}, c{3, 3};
  lru.insert(a, 40, std::string(40, 'a'));
  lru.insert(b, 40, std::string(40, 'b'));
  EXPECT_TRUE(lru.touch(a)); // a is now more recent than b
  lru.insert(c, 40, std::string(40, 'c'));
  EXPECT_TRUE(lru.touch(a));
  EXPECT_FALSE(lru.touch(b));
  ASSERT_NE(lru.bytes(c), nullptr);
  EXPECT_EQ(*lru.bytes(c), std::string(40, 'c'));
  EXPECT_FALSE(lru.cacheable(101));
}

TEST(BlobLru, RankZerosMirrorAgreesWithTheWorkersCache) {
  BlobLru worker(1000), mirror(1000);
  std::uint64_t state = 7;
  for (int step = 0; step < 2000; ++step) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    const purecc::Hash128 h{state % 13, 0};
    const std::uint64_t size = 50 + (state >> 40) % 300;
    // What rank 0 decides from its mirror, the worker replays on receipt.
    if (mirror.touch(h)) {
      ASSERT_TRUE(worker.touch(h)) << "step " << step;
    } else {
      mirror.insert(h, size);
      worker.insert(h, size, std::string(size, 'x'));
    }
  }
}

TEST(ShipPays, ATrivialMapStaysAndRealWorkTravels) {
  using purecc::mpi::ship_pays;
  // 12 288 doubles computed in 210 us (the cold first node measured for
  // dist_app trivial): 96 KiB back cost more than that; it stays.
  EXPECT_FALSE(ship_pays(210'000, 98'312, 0, 1));
  // The same elements at 100 ns each (1.2 ms): worth a message.
  EXPECT_TRUE(ship_pays(1'228'800, 98'312, 0, 1));
  // A reduction node: one value back, 5 ms of work.
  EXPECT_TRUE(ship_pays(5'000'000, 8, 16, 1));
  // Work below a remote node's own cost never travels, however few bytes.
  EXPECT_FALSE(ship_pays(50'000, 8, 0, 1));
  // Arguments that travel with every node count like results.
  EXPECT_FALSE(ship_pays(2'000'000, 8, 600'000, 1));
  // Summed over nodes: one slow node among cheap ones does not flip it.
  EXPECT_FALSE(ship_pays(210'000 + 9 * 60'000 + 500'000, 11 * 98'312, 0, 11));
  // Byte counts whose product with the per-byte cost would wrap 64 bits.
  EXPECT_FALSE(ship_pays(1'000'000, UINT64_MAX / 2, 0, 1));
}

TEST(NodeLimit, CoarseNodesQueueLessAndNoneAtTheEnd) {
  using purecc::mpi::NodeCosts;
  using purecc::mpi::node_limit;
  // Nothing measured: the setting, or one at a time for a coarse job.
  EXPECT_EQ(node_limit(NodeCosts{}, 4, 2), 4);
  EXPECT_EQ(node_limit(NodeCosts{0, 0, 0, 1000, true}, 4, 2), 1);
  // Nodes of 0.5 ms: queue 4 to hide the round trip.
  EXPECT_EQ(node_limit(NodeCosts{5'000'000, 10'000, 10, 1'000'000, false}, 4, 2), 4);
  // Nodes of 50 ms with much left: 2 (one running, one queued).
  EXPECT_EQ(node_limit(NodeCosts{500'000'000, 10, 10, 100, false}, 4, 2), 2);
  // n queens 13 at its end: 3 leaves of ~80 ms left for 2 ranks: 1.
  EXPECT_EQ(node_limit(NodeCosts{800'000'000, 10, 10, 3, false}, 4, 2), 1);
  // Never above the setting.
  EXPECT_EQ(node_limit(NodeCosts{500'000'000, 10, 10, 100, false}, 1, 2), 1);
}

// The communication threads' sleeps (comm_wait.h): fast = 200 us
// (PURECC_MPI_POLL_US), slow = 2 ms.
TEST(CommWait, RankZeroWaitsToBeWokenWhenNoWorkerHoldsANode) {
  using namespace purecc::mpi;
  // Nothing outstanding: nothing can arrive that it did not ask for.
  EXPECT_EQ(root_wait_us({}, 200, kSlowPollUs), kUntilWoken);
  // PURECC_MPI_POLL_US=0 asks for busy polling, even then.
  EXPECT_EQ(root_wait_us({}, 0, kSlowPollUs), 0);
  const WorkerWait w{100, 1000, false};
  EXPECT_EQ(root_wait_us(std::span(&w, 1), 0, kSlowPollUs), 0);
}

TEST(CommWait, RankZeroSleepsUntilAResultIsAlmostDue) {
  using namespace purecc::mpi;
  auto one = [](WorkerWait w) { return root_wait_us(std::span(&w, 1), 200, kSlowPollUs); };
  // Nodes of 40 ms, one running for 4 ms: due in 36 ms, read from 35 ms
  // on — but never more than 2 ms in one sleep (it may end early).
  EXPECT_EQ(one({4'000, 40'000, false}), kSlowPollUs);
  EXPECT_EQ(one({34'000, 40'000, false}), 1'000);
  // Nearly due: the prompt poll.
  EXPECT_EQ(one({35'000, 40'000, false}), 200);
  // Overdue by 8 ms: backs off by an eighth of the overrun.
  EXPECT_EQ(one({35'000 + 8'000, 40'000, false}), 1'000);
  // A long node (1 s mean): the cap is 1/32 of it, 31.25 ms.
  EXPECT_EQ(one({100'000, 1'000'000, false}), 31'250);
  // A node queued behind the running one: a quarter of the mean is fine.
  EXPECT_EQ(one({35'000, 40'000, true}), 10'000);
  // Nodes of 10 ms: prompt polls (a late read would shift work to rank 0);
  // with one queued, a quarter of the mean.
  EXPECT_EQ(one({1'000, 10'000, false}), 200);
  EXPECT_EQ(one({1'000, 10'000, true}), 2'000);
  // Cost unknown (a job's first node): 1/32 of its run time so far.
  EXPECT_EQ(one({3'200, -1, false}), 200);
  EXPECT_EQ(one({32'000, -1, false}), 1'000);
  EXPECT_EQ(one({3'200'000, -1, false}), 100'000);
  // Several workers: the one nearest its result decides.
  const WorkerWait two[] = {{4'000, 40'000, false}, {35'000, 40'000, false}};
  EXPECT_EQ(root_wait_us(two, 200, kSlowPollUs), 200);
}

TEST(CommWait, AWorkerPollsRarelyWhileRunningANodeOrIdleForLong) {
  using namespace purecc::mpi;
  auto self = [](bool executing, std::int64_t running, std::int64_t mean, std::int64_t quiet) {
    return worker_wait_us(WorkerSelf{executing, running, mean, quiet}, 200, kSlowPollUs);
  };
  // Just got a message or sent a result: prompt.
  EXPECT_EQ(self(false, 0, 5'000, 100), 200);
  // Idle for 10 ms, 1 s: 1/16 of it, at most 2 ms.
  EXPECT_EQ(self(false, 0, 5'000, 10'000), 625);
  EXPECT_EQ(self(false, 0, 5'000, 1'000'000), kSlowPollUs);
  // Running a 100 ms node for 10 ms: sleeps until 12.5 ms before it is due.
  EXPECT_EQ(self(true, 10'000, 100'000, 10'000), 77'500);
  // A node of 10 ms: every 2 ms.
  EXPECT_EQ(self(true, 1'000, 10'000, 1'000), kSlowPollUs);
  // Past that point: every 2 ms; a long node of unknown cost 1/16 of its time.
  EXPECT_EQ(self(true, 90'000, 100'000, 90'000), kSlowPollUs);
  EXPECT_EQ(self(true, 320'000, -1, 320'000), 20'000);
  // A result pending 1 ms, 1 s (rank 0 takes it in): prompt, then 2 ms.
  EXPECT_EQ(send_wait_us(1'000, 200, kSlowPollUs), 200);
  EXPECT_EQ(send_wait_us(1'000'000, 200, kSlowPollUs), kSlowPollUs);
}

/// Which fields of a task message an older protocol lacked.
enum class Protocol { current, without_width, without_rounding };

/// A task message as encode_task writes it, one inline argument.
std::string task_message(std::uint8_t rounding, Protocol protocol = Protocol::current,
                         std::uint64_t width = 0) {
  std::string out;
  purecc::ByteWriter w(out);
  w.uint(std::uint64_t{7});
  w.write(std::string_view("f#call"));
  w.write(std::int64_t{10});
  w.write(std::int64_t{20});
  w.write(std::int64_t{1});
  if (protocol != Protocol::without_rounding)
    w.uint(rounding);
  if (protocol == Protocol::current)
    w.uint(width);
  w.count(1);
  w.uint(static_cast<std::uint8_t>(purecc::mpi::kInline));
  w.write(std::string_view("abc"));
  return out;
}

TEST(TaskMessage, CarriesTheCallersRoundingMode) {
  purecc::mpi::BlobLru blobs(1000);
  std::uint64_t reused = 0, saved = 0;
  const auto up = purecc::mpi::decode_task(
      task_message(static_cast<std::uint8_t>(purecc::rounding_code::upward)), blobs, reused, saved);
  ASSERT_EQ(up.error, "");
  EXPECT_EQ(up.rounding, FE_UPWARD);
  EXPECT_EQ(up.ticket, 7u);
  EXPECT_EQ(up.args, "abc");
  const auto near = purecc::mpi::decode_task(task_message(0), blobs, reused, saved);
  ASSERT_EQ(near.error, "");
  EXPECT_EQ(near.rounding, FE_TONEAREST);
  // A byte that names no mode: the node fails on rank 0's caller, it does
  // not run under a guess.
  EXPECT_EQ(purecc::mpi::decode_task(task_message(9), blobs, reused, saved).error,
            "task message names no rounding mode (code 9)");
  // A message of protocol 1 (no mode) does not decode.
  EXPECT_EQ(purecc::mpi::decode_task(task_message(0, Protocol::without_rounding), blobs, reused,
                                     saved)
                .error,
            "malformed task message");
}

TEST(TaskMessage, CarriesABranchsWidth) {
  // Protocol 4: a parallel-call branch runs on its worker at its width, so
  // that its own calls offer what the worker may hand back; a range node's is 0.
  purecc::mpi::BlobLru blobs(1000);
  std::uint64_t reused = 0, saved = 0;
  const auto branch = purecc::mpi::decode_task(task_message(0, Protocol::current, 64), blobs,
                                               reused, saved);
  ASSERT_EQ(branch.error, "");
  EXPECT_EQ(branch.width, 64u);
  EXPECT_EQ(branch.args, "abc");
  EXPECT_EQ(purecc::mpi::decode_task(task_message(0), blobs, reused, saved).width, 0u);
  // A message of protocol 3 (no width) does not decode.
  EXPECT_EQ(purecc::mpi::decode_task(task_message(0, Protocol::without_width), blobs, reused,
                                     saved)
                .error,
            "malformed task message");
}

TEST(StatsMessage, CountsTheBranchesHandedBack) {
  purecc::mpi::RankStats s;
  s.tasks = 3;
  s.handed_back = 5;
  std::string bytes;
  purecc::ByteWriter w(bytes);
  purecc::mpi::write_stats(w, s);
  EXPECT_EQ(bytes.size(), purecc::mpi::kStatsBytes);
  purecc::ByteReader r(bytes);
  purecc::mpi::RankStats back;
  ASSERT_TRUE(purecc::mpi::read_stats(r, back));
  EXPECT_EQ(back.tasks, 3u);
  EXPECT_EQ(back.handed_back, 5u);
  EXPECT_TRUE(r.at_end());
}

TEST(TaskMessage, TheProtocolVersionTellsRegistriesApart) {
  // The start-up check compares registry_identity: the same registry under
  // another protocol version is another identity.
  const purecc::Hash128 digest{0x1234, 0x5678};
  EXPECT_EQ(purecc::mpi::kProtocolVersion, 4u);
  EXPECT_NE(purecc::mpi::registry_identity(digest), digest);
  EXPECT_EQ(purecc::mpi::registry_identity(digest), purecc::mpi::registry_identity(digest));
  EXPECT_NE(purecc::mpi::registry_identity(digest),
            purecc::mpi::registry_identity(purecc::Hash128{0x1234, 0x5679}));
}

TEST(ResultMessage, CarriesTheFlagsTheTaskRaised) {
  // Protocol 3: ticket, wall time, the flags code, then the outcome.
  std::string bytes;
  purecc::ByteWriter w(bytes);
  purecc::mpi::write_result(w, {7, 1234, purecc::encode_fp_flags(FE_OVERFLOW | FE_INEXACT), true,
                                "result", ""});
  purecc::mpi::ResultMessage m;
  ASSERT_TRUE(purecc::mpi::read_result(bytes, m));
  EXPECT_EQ(m.ticket, 7u);
  EXPECT_EQ(m.busy_ns, 1234u);
  EXPECT_EQ(purecc::decode_fp_flags(m.fp_flags), FE_OVERFLOW | FE_INEXACT);
  EXPECT_TRUE(m.ok);
  EXPECT_EQ(m.payload, "result");
  // A task that threw brings its flags too (a local run delivers them).
  bytes.clear();
  purecc::mpi::write_result(w, {8, 1, purecc::fp_flag_code::invalid, false, "std::domain_error", "nan"});
  ASSERT_TRUE(purecc::mpi::read_result(bytes, m));
  EXPECT_FALSE(m.ok);
  EXPECT_EQ(m.fp_flags, purecc::fp_flag_code::invalid);
  EXPECT_EQ(m.what, "nan");
  // Protocol 2's layout (no flags byte) and a code with bits no flag has
  // do not decode.
  std::string old;
  purecc::ByteWriter o(old);
  o.uint(std::uint64_t{7});
  o.uint(std::uint64_t{1234});
  o.write(true);
  o.write(std::string("result"));
  EXPECT_FALSE(purecc::mpi::read_result(old, m));
  bytes.clear();
  purecc::mpi::write_result(w, {9, 1, 0x40, true, "result", ""});
  EXPECT_FALSE(purecc::mpi::read_result(bytes, m));
}

TEST(ResumeRecord, KeepsTheFlagsAndAnOldRecordIsNeverFound) {
  std::string value = purecc::mpi::resume_record(purecc::fp_flag_code::overflow, "bytes");
  std::uint8_t flags = 0;
  ASSERT_TRUE(purecc::mpi::read_resume_record(value, flags));
  EXPECT_EQ(flags, purecc::fp_flag_code::overflow);
  EXPECT_EQ(value, "bytes");
  std::string empty;
  EXPECT_FALSE(purecc::mpi::read_resume_record(empty, flags));
  std::string bad = std::string(1, char{0x40}) + "bytes";
  EXPECT_FALSE(purecc::mpi::read_resume_record(bad, flags));
  // A record of before (the result bytes alone) was keyed without the
  // record format: its key is not the key looked up now.
  static const purecc::TaskEntry entry("flags#test", 1, 2,
                                       [](std::string_view, std::int64_t, std::int64_t,
                                          std::int64_t) { return std::string(); });
  purecc::RangeJob job;
  job.task = &entry;
  job.args = "abc";
  job.leaf = 4;
  job.memo_namespace = purecc::Hash128{3, 4};
  std::string before;
  purecc::ByteWriter b(before);
  b.uint(entry.fingerprint().hi);
  b.uint(entry.fingerprint().lo);
  b.uint(job.memo_namespace.hi);
  b.uint(job.memo_namespace.lo);
  b.bytes(job.args.data(), job.args.size());
  b.write(std::int64_t{0});
  b.write(std::int64_t{64});
  b.write(job.leaf);
  EXPECT_NE(purecc::mpi::task_key(job, 0, 64), purecc::xxh3_128(before));
  EXPECT_EQ(purecc::mpi::task_key(job, 0, 64), purecc::mpi::task_key(job, 0, 64));
}

} // namespace
