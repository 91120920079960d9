// The Open MPI backend's start-up check, communication thread and end of
// the run (see mpi_backend.h); rank 0's scheduler is scheduler.cpp, the
// workers' serve loop worker.cpp.
#include "mpi_backend.h"

#include "scheduler.h"
#include "wire.h"

#include "purecc/memo.h"
#include "purecc/range_tree.h"
#include "purecc/memo_config.h"
#include "purecc/serialize.h"

#include <mpi.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unistd.h>

namespace purecc::mpi {
namespace {

/// The first sleep of an idle communication thread after an event.
constexpr std::int64_t kFirstPollUs = 1;

struct SettingsReader {
  std::vector<std::string> problems;

  void bad(const char *name, const char *value, const char *want) {
    problems.push_back(std::string(name) + "='" + value + "' is not " + want);
  }

  std::int64_t integer(const char *name, std::int64_t fallback, std::int64_t min,
                       std::int64_t max = INT64_MAX) {
    const char *v = std::getenv(name);
    if (!v || !*v)
      return fallback;
    char *end = nullptr;
    errno = 0;
    const long long x = std::strtoll(v, &end, 10);
    if (*end != '\0' || errno == ERANGE || x < min || x > max) {
      const std::string want = max == INT64_MAX
                                   ? "an integer >= " + std::to_string(min)
                                   : std::to_string(min) + " or " + std::to_string(max);
      bad(name, v, want.c_str());
      return fallback;
    }
    return x;
  }

  std::uint64_t bytes(const char *name, std::uint64_t fallback) {
    const char *v = std::getenv(name);
    if (!v || !*v)
      return fallback;
    if (auto b = parse_byte_size(v))
      return *b;
    bad(name, v, "a size (like 64K or 1G)");
    return fallback;
  }
};

std::string host_name() {
  char buf[256] = {};
  if (gethostname(buf, sizeof buf - 1) != 0)
    return "?";
  return buf;
}

} // namespace

bool launched_by_mpi() {
  return std::getenv("OMPI_COMM_WORLD_SIZE") || std::getenv("PMIX_RANK") ||
         std::getenv("PMI_SIZE");
}

int launcher_rank() {
  for (const char *name : {"OMPI_COMM_WORLD_RANK", "PMIX_RANK", "PMI_RANK"}) {
    const char *v = std::getenv(name);
    if (!v || !*v)
      continue;
    char *end = nullptr;
    const long r = std::strtol(v, &end, 10);
    return *end == '\0' && r >= 0 && r <= INT32_MAX ? static_cast<int>(r) : -1;
  }
  return -1;
}


struct MpiBackend::PendingRecv {
  int source = 0, tag = 0;
  MPI_Request request = MPI_REQUEST_NULL;
  std::string bytes;
};

struct MpiBackend::PendingSend {
  int dest = 0;
  std::uint64_t ticket = 0;
  MPI_Request request = MPI_REQUEST_NULL;
  std::chrono::steady_clock::time_point since = std::chrono::steady_clock::now();
  std::string bytes;
};

// ---- start-up -------------------------------------------------------------------

std::unique_ptr<MpiBackend> MpiBackend::start(void (*meanwhile)()) {
  std::unique_ptr<MpiBackend> b(new MpiBackend);
  b->started_ = std::chrono::steady_clock::now();
  b->comm_ = std::thread([p = b.get()] { p->comm_main(); });
  if (meanwhile)
    meanwhile();
  std::unique_lock lock(b->start_mutex_);
  b->start_cv_.wait(lock, [&] { return b->started_up_; });
  if (!b->consistent_) {
    lock.unlock();
    b->comm_.join();
  }
  return b;
}

MpiBackend::~MpiBackend() {
  if (comm_.joinable())
    comm_.join();
}

void MpiBackend::comm_main() {
  int provided = 0;
  const auto t0 = std::chrono::steady_clock::now();
  MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
  costs_.mpi_init_ns = now_ns(t0);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
  const auto t1 = std::chrono::steady_clock::now();
  const bool ok = startup_check();
  costs_.check_ns = now_ns(t1);
  comm_cpu_start_ns_ = thread_cpu_ns(); // the polling's CPU, without MPI_Init's
  comm_waits_start_ = thread_sleeps();
  cpu_start_ns_ = process_cpu_ns();
  {
    std::lock_guard lock(start_mutex_);
    consistent_ = ok;
    started_up_ = true;
  }
  start_cv_.notify_all();
  if (!ok) {
    MPI_Finalize();
    return;
  }
  comm_loop();
  while (!sends_.empty()) {
    MPI_Wait(&sends_.front()->request, MPI_STATUS_IGNORE);
    sends_.pop_front();
  }
  comm_cpu_ns_ = thread_cpu_ns() - comm_cpu_start_ns_;
  comm_waits_ = thread_sleeps() - comm_waits_start_;
  MPI_Finalize();
}

bool MpiBackend::startup_check() {
  // Each rank's identity: registry digest (with the protocol version),
  // build id, host name.
  constexpr int kIdBytes = 64, kHostBytes = 64, kRecord = 16 + 1 + kIdBytes + kHostBytes;
  char mine[kRecord] = {};
  const Hash128 digest = registry_identity(TaskRegistry::digest());
  std::memcpy(mine, &digest.hi, 8);
  std::memcpy(mine + 8, &digest.lo, 8);
  const std::string build = executable_build_id();
  const std::size_t build_len = std::min<std::size_t>(build.size(), kIdBytes);
  mine[16] = static_cast<char>(build_len);
  std::memcpy(mine + 17, build.data(), build_len);
  const std::string host = host_name();
  std::memcpy(mine + 17 + kIdBytes, host.data(), std::min<std::size_t>(host.size(), kHostBytes - 1));

  std::vector<char> all(rank_ == 0 ? static_cast<std::size_t>(kRecord) * size_ : 0);
  MPI_Gather(mine, kRecord, MPI_BYTE, all.data(), kRecord, MPI_BYTE, 0, MPI_COMM_WORLD);

  // Rank 0 decides and broadcasts the verdict, the settings and the hosts.
  std::string verdict;
  if (rank_ == 0) {
    std::string line;
    for (int r = 1; r < size_; ++r) {
      const char *rec = all.data() + static_cast<std::size_t>(kRecord) * r;
      const bool registry_differs = std::memcmp(rec, mine, 16) != 0;
      const bool build_differs = std::memcmp(rec + 16, mine + 16, 1 + kIdBytes) != 0;
      if (!registry_differs && !build_differs)
        continue;
      line += line.empty() ? "" : ", ";
      line += "rank " + std::to_string(r) + " on " + std::string(rec + 17 + kIdBytes) + " (" +
              (registry_differs && build_differs ? "task registry and build id"
               : registry_differs                ? "task registry"
                                                 : "build id") +
              ")";
    }
    SettingsReader env;
    settings_.in_flight = env.integer("PURECC_MPI_IN_FLIGHT", settings_.in_flight, 1);
    settings_.blob_min = env.bytes("PURECC_MPI_BLOB_MIN", settings_.blob_min);
    settings_.blob_cache = env.bytes("PURECC_MPI_BLOB_CACHE", settings_.blob_cache);
    settings_.poll_max_us = env.integer("PURECC_MPI_POLL_US", settings_.poll_max_us, 0);
    settings_.root_works = env.integer("PURECC_MPI_ROOT_WORKS", 1, 0, 1) != 0;
    settings_.call_split = env.integer("PURECC_MPI_CALL_SPLIT", settings_.call_split, 1);
    settings_.call_min_us = env.integer("PURECC_MPI_CALL_MIN_US", settings_.call_min_us, 0);
    settings_.await_split = env.integer("PURECC_MPI_AWAIT_SPLIT", 0, 0, 1) != 0;
    std::string twice;
    for (const std::string &id : TaskRegistry::conflicts())
      twice += (twice.empty() ? "'" : ", '") + id + "'";
    ByteWriter w(verdict);
    w.write(line.empty() && twice.empty() && env.problems.empty());
    for (const std::string &p : env.problems)
      std::fprintf(stderr, "purecc: error: %s; every rank exits with status 2 [purecc-mpi-config]\n",
                   p.c_str());
    if (!twice.empty())
      std::fprintf(stderr,
                   "purecc: error: task ids registered twice with different fingerprints: %s; "
                   "every rank exits with status 2 [purecc-mpi-mismatch]\n",
                   twice.c_str());
    else if (!line.empty())
      std::fprintf(stderr,
                   "purecc: error: ranks run different builds: %s differ from rank 0 on %s; every "
                   "rank exits with status 2 [purecc-mpi-mismatch]\n",
                   line.c_str(), host.c_str());
    w.uint(static_cast<std::uint64_t>(settings_.in_flight));
    w.uint(settings_.blob_min);
    w.uint(settings_.blob_cache);
    w.uint(static_cast<std::uint64_t>(settings_.poll_max_us));
    w.write(settings_.await_split); // read by the workers, which hand back
    for (int r = 0; r < size_; ++r)
      w.write(std::string(all.data() + static_cast<std::size_t>(kRecord) * r + 17 + kIdBytes));
  }
  std::uint64_t n = verdict.size();
  MPI_Bcast(&n, 1, MPI_UINT64_T, 0, MPI_COMM_WORLD);
  verdict.resize(n);
  MPI_Bcast(verdict.data(), static_cast<int>(n), MPI_BYTE, 0, MPI_COMM_WORLD);
  ByteReader r(verdict);
  bool same = false;
  std::uint64_t in_flight = 0, blob_min = 0, blob_cache = 0, poll = 0;
  if (!r.read(same) || !same)
    return false;
  r.uint(in_flight);
  r.uint(blob_min);
  r.uint(blob_cache);
  r.uint(poll);
  r.read(settings_.await_split);
  settings_.in_flight = static_cast<std::int64_t>(in_flight);
  settings_.blob_min = blob_min;
  settings_.blob_cache = blob_cache;
  settings_.poll_max_us = static_cast<std::int64_t>(poll);
  hosts_.resize(static_cast<std::size_t>(size_));
  for (auto &h : hosts_)
    r.read(h);
  in_flight_.assign(static_cast<std::size_t>(size_), 0);
  split_asked_.assign(static_cast<std::size_t>(size_), 0);
  running_since_.assign(static_cast<std::size_t>(size_), std::chrono::steady_clock::now());
  last_active_ = std::chrono::steady_clock::now();
  if (rank_ == 0)
    mirrors_.assign(static_cast<std::size_t>(size_), BlobLru(settings_.blob_cache));
  else
    blobs_ = std::make_unique<BlobLru>(settings_.blob_cache);
  worker_stats_.assign(static_cast<std::size_t>(size_), RankStats{});
  return true;
}

// ---- the communication loop ---------------------------------------------------------

void MpiBackend::post(int dest, int tag, std::string bytes, std::uint64_t ticket) {
  auto s = std::make_unique<PendingSend>();
  s->dest = dest;
  s->ticket = ticket;
  s->bytes = std::move(bytes);
  sent_ += s->bytes.size();
  ++messages_sent_;
  MPI_Isend(s->bytes.data(), static_cast<int>(s->bytes.size()), MPI_BYTE, dest, tag,
            MPI_COMM_WORLD, &s->request);
  sends_.push_back(std::move(s));
}

bool MpiBackend::progress_sends() {
  bool any = false;
  for (auto it = sends_.begin(); it != sends_.end();) {
    int done = 0;
    MPI_Test(&(*it)->request, &done, MPI_STATUS_IGNORE);
    if (done) {
      it = sends_.erase(it);
      any = true;
    } else {
      ++it;
    }
  }
  return any;
}

void MpiBackend::comm_loop() {
  std::int64_t idle_us = 0;
  while (true) {
    bool active = progress_sends();
    if (!recv_) {
      int flag = 0;
      MPI_Status status;
      MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &status);
      if (flag) {
        // Received without blocking: a message above the eager size
        // arrives only as its sender polls too, and a blocking MPI_Recv
        // spins meanwhile (up to 150 ms of a worker's CPU in nw 200).
        int count = 0;
        MPI_Get_count(&status, MPI_BYTE, &count);
        recv_ = std::make_unique<PendingRecv>();
        recv_->source = status.MPI_SOURCE;
        recv_->tag = status.MPI_TAG;
        recv_->bytes.assign(static_cast<std::size_t>(count), '\0');
        MPI_Irecv(recv_->bytes.data(), count, MPI_BYTE, status.MPI_SOURCE, status.MPI_TAG,
                  MPI_COMM_WORLD, &recv_->request);
        active = true;
      }
    }
    if (recv_) {
      int done = 0;
      MPI_Test(&recv_->request, &done, MPI_STATUS_IGNORE);
      if (done) {
        std::unique_ptr<PendingRecv> r = std::move(recv_);
        received_ += r->bytes.size();
        ++messages_received_;
        handle(r->source, r->tag, std::move(r->bytes));
        active = true;
      }
    }
    // Rank 0's outbox holds the results of branches workers handed back.
    if (rank_ == 0)
      active |= dispatch();
    active |= flush_outbox();
    {
      std::lock_guard lock(mutex_);
      if (rank_ == 0 ? stop_sent_ && stats_received_ == size_ - 1 : stats_sent_)
        return;
    }
    const auto now = std::chrono::steady_clock::now();
    if (active) {
      idle_us = 0;
      last_active_ = now;
    } else {
      // Sleep while nothing needs a prompt poll (comm_wait.h): polling must
      // not take the cores the tasks need.
      std::unique_lock lock(mutex_);
      // A message half received: its sender is sending the rest.
      const std::int64_t cap = recv_ ? settings_.poll_max_us : wait_us_locked(now);
      // Past the fast cap nothing waits for a prompt reply: sleep the whole
      // cap at once (the doubling from 1 us was most of the polls). Below
      // it, double from 1 us: starting at 25 us (a wake-up costs 12-15 us
      // of CPU, MPI_Iprobe 0.05 us) made a remote node 3x slower.
      idle_us = cap == kUntilWoken || cap > settings_.poll_max_us
                    ? cap
                    : std::min<std::int64_t>(std::max<std::int64_t>(kFirstPollUs, idle_us * 2), cap);
      // Work from this process (a result, a job, stop) wakes it at once;
      // only messages from other ranks wait for the next poll.
      if (!wake_ && idle_us == kUntilWoken)
        wake_cv_.wait(lock, [&] { return wake_; });
      else if (!wake_ && idle_us > 0)
        wake_cv_.wait_for(lock, std::chrono::microseconds(idle_us), [&] { return wake_; });
      wake_ = false;
    }
  }
}

void MpiBackend::handle(int source, int tag, std::string bytes) {
  switch (tag) {
  case kTagResult: // rank 0: a node or branch; a worker: a branch it handed back
    if (rank_ == 0)
      handle_result(source, bytes);
    else
      handle_handed_back_result(bytes);
    break;
  case kTagTask: // a worker: a node or branch; rank 0: a branch handed back
    if (rank_ == 0)
      handle_handed_back(source, bytes);
    else
      handle_task(bytes);
    break;
  case kTagSplit:
    handle_split(bytes);
    break;
  case kTagStop: {
    std::lock_guard lock(mutex_);
    stop_received_ = true;
    cv_.notify_all();
    break;
  }
  case kTagStats: {
    ByteReader r(bytes);
    RankStats s;
    std::lock_guard lock(mutex_);
    if (read_stats(r, s))
      worker_stats_[static_cast<std::size_t>(source)] = s;
    ++stats_received_;
    break;
  }
  default:
    break;
  }
}

std::int64_t MpiBackend::wait_us_locked(std::chrono::steady_clock::time_point now) const {
  const std::int64_t fast = settings_.poll_max_us;
  auto us = [&](std::chrono::steady_clock::duration d) {
    return std::chrono::duration_cast<std::chrono::microseconds>(d).count();
  };
  if (rank_ != 0) {
    WorkerSelf self;
    self.executing = executing_;
    self.running_us = us(now - node_started_);
    if (node_estimate_ns_ >= 0)
      self.mean_us = node_estimate_ns_ / 1000;
    self.quiet_us = us(now - last_active_);
    std::int64_t wait = worker_wait_us(self, fast, kSlowPollUs);
    if (!sends_.empty()) // a result above the eager size: rank 0 takes it in
      wait = std::min(wait, send_wait_us(us(now - sends_.front()->since), fast, kSlowPollUs));
    if (handed_out_ != 0) {
      // A branch handed back: its result is due as rank 0's runs so far
      // say (a thread here may wait for it), polled for as rank 0 polls
      // for a worker's branch.
      WorkerWait back;
      back.elapsed_us = us(now - handed_out_since_);
      if (handed_done_ > 0)
        back.mean_us = static_cast<std::int64_t>(handed_busy_ns_ / handed_done_ / 1000);
      wait = std::min(wait, root_wait_us({&back, 1}, fast, kSlowPollUs));
    } else if (running_call_ != 0) {
      // Running a branch rank 0 may ask to split: hear the request within
      // kSlowPollUs (the longest a waiting rank 0 then idles for it).
      wait = std::min(wait, std::max(fast, kSlowPollUs));
    }
    return wait;
  }
  if (fast == 0)
    return 0; // PURECC_MPI_POLL_US=0: busy polling asked for
  // After stop, the workers' statistics are on their way.
  if (stop_sent_)
    return fast;
  // Rank 0's first node of a job decides by its CPU time whether nodes
  // travel (dispatch): look again when it may have run kProbeCpuNs.
  std::int64_t probe = kUntilWoken;
  if (job_ && job_->ship == Job::Ship::probe && job_->probing) {
    const std::uint64_t used = cpu_clock_ns(job_->probe_clock) - job_->probe_cpu_start;
    probe = used >= kProbeCpuNs ? fast
                                : std::max<std::int64_t>(
                                      fast, static_cast<std::int64_t>((kProbeCpuNs - used) / 1000));
  }
  // Each worker's oldest outstanding ticket: tickets are numbered in the
  // order they were sent, and a worker runs its nodes in that order.
  std::vector<std::uint64_t> oldest(static_cast<std::size_t>(size_), 0);
  for (const auto &[ticket, t] : tickets_)
    if (oldest[static_cast<std::size_t>(t.worker)] == 0)
      oldest[static_cast<std::size_t>(t.worker)] = ticket;
  // A task message above the eager size (4 KiB over shared memory) is sent
  // only as its worker polls, and the worker's blocking receive spins until
  // this rank sends the rest: prompt polls for a message to a worker that
  // has nothing else to run (or a message without a node: stop); for one
  // queued behind a running node, prompt from shortly before that node is
  // due (as for a worker with nothing queued), when the worker reads it.
  std::vector<bool> sending(static_cast<std::size_t>(size_), false);
  for (const auto &send : sends_) {
    if (send->ticket == 0 || send->ticket == oldest[static_cast<std::size_t>(send->dest)])
      return fast;
    sending[static_cast<std::size_t>(send->dest)] = true;
  }
  std::vector<WorkerWait> waits;
  const bool handing_out = job_ && job_->ship == Job::Ship::yes && !job_->plan.exhausted();
  for (std::size_t w = 1; w < oldest.size(); ++w) {
    if (oldest[w] == 0)
      continue;
    const Ticket &t = tickets_.at(oldest[w]);
    WorkerWait ww;
    ww.elapsed_us = us(now - running_since_[w]);
    if (t.call) {
      if (calls_done_ > 0)
        ww.mean_us = static_cast<std::int64_t>(call_busy_ns_ / calls_done_ / 1000);
    } else if (job_ && job_->done_elements > 0) {
      // Per element: guided pieces shrink toward the end of a range.
      ww.mean_us = static_cast<std::int64_t>(
          static_cast<double>(job_->done_busy_ns) *
          static_cast<double>(detail::range_length(t.begin, t.end)) /
          static_cast<double>(job_->done_elements) / 1000.0);
    }
    ww.queued = handing_out && !t.call && in_flight_[w] >= 2 && !sending[w];
    waits.push_back(ww);
  }
  std::int64_t wait = root_wait_us(waits, fast, kSlowPollUs);
  // A worker asked to hand part of its branch back answers with a task
  // message, which a thread here waits for: look every kSlowPollUs.
  if (std::any_of(split_asked_.begin(), split_asked_.end(), [](std::uint64_t t) { return t != 0; }))
    wait = wait == kUntilWoken ? std::max(fast, kSlowPollUs) : std::min(wait, std::max(fast, kSlowPollUs));
  if (probe == kUntilWoken)
    return wait;
  return wait == kUntilWoken ? probe : std::min(wait, probe);
}

void MpiBackend::wake_comm_locked() {
  wake_ = true;
  wake_cv_.notify_one();
}

void MpiBackend::finish() {
  // The resume records still queued (the last flush interval's) are
  // written before the ranks stop; jobs never wait for the store.
  if (std::uint64_t min_ns = 0; rank_ == 0) {
    if (DiskStore *disk = resume_store(min_ns)) {
      const auto flushing = std::chrono::steady_clock::now();
      disk->flush();
      std::lock_guard lock(mutex_);
      costs_.flush_ns = now_ns(flushing);
    }
  }
  const auto t0 = std::chrono::steady_clock::now();
  {
    std::lock_guard lock(mutex_);
    stop_requested_ = true;
    wake_comm_locked();
  }
  if (comm_.joinable())
    comm_.join();
  costs_.finish_ns = now_ns(t0);
  RankStats mine;
  mine.tasks = tasks_;
  mine.busy_ns = busy_ns_;
  mine.wall_ns = now_ns(started_);
  mine.sent = sent_;
  mine.received = received_;
  mine.blobs_reused = blobs_reused_;
  mine.blob_bytes_saved = blob_bytes_saved_;
  mine.resumed = resumed_;
  mine.comm_cpu_ns = comm_cpu_ns_; // the communication thread has ended (joined above)
  mine.comm_waits = comm_waits_;
  mine.cpu_ns = process_cpu_ns() - cpu_start_ns_;
  mine.task_cpu_ns = task_cpu_ns_;
  mine.messages_sent = messages_sent_;
  mine.messages_received = messages_received_;
  mine.handed_back = handed_back_runs_; // the communication thread has ended
  std::vector<RankStats> all = worker_stats_;
  all[0] = mine;
  const char *stats = std::getenv("PURECC_STATS");
  if (stats && std::strcmp(stats, "1") == 0) {
    print_stats(all);
    print_fixed_costs(all);
  }
}

void MpiBackend::print_fixed_costs(const std::vector<RankStats> &all) const {
  auto ms = [](std::uint64_t ns) { return format_duration(std::chrono::nanoseconds(ns)); };
  const FixedCosts &c = costs_;
  std::string comm;
  for (std::size_t r = 0; r < all.size(); ++r)
    comm += (r ? ", rank " : " rank ") + std::to_string(r) + " " + ms(all[r].comm_cpu_ns) + " (" +
            std::to_string(all[r].comm_waits) + " sleeps)";
  std::fprintf(stderr,
               "purecc: fixed costs on rank 0: MPI_Init %s, start-up check %s, memo runtime %s; "
               "%llu range jobs: starting %s, waiting for workers at the end %s; waiting for shipped "
               "parallel-call branches %s; store flush at the end %s; finish %s; communication "
               "threads' CPU:%s\n",
               ms(c.mpi_init_ns).c_str(), ms(c.check_ns).c_str(), ms(c.memo_ns).c_str(),
               static_cast<unsigned long long>(c.jobs), ms(c.job_start_ns).c_str(),
               ms(c.tail_ns).c_str(), ms(c.call_wait_ns).c_str(), ms(c.flush_ns).c_str(),
               ms(c.finish_ns).c_str(), comm.c_str());
}

void MpiBackend::print_stats(const std::vector<RankStats> &all) const {
  for (std::size_t r = 0; r < all.size(); ++r) {
    const RankStats &s = all[r];
    const std::uint64_t idle = s.wall_ns > s.busy_ns ? s.wall_ns - s.busy_ns : 0;
    auto time = [](std::uint64_t ns) { return format_duration(std::chrono::nanoseconds(ns)); };
    auto messages = [](std::uint64_t n) {
      return std::to_string(n) + (n == 1 ? " message" : " messages");
    };
    std::string line = "purecc: rank " + std::to_string(r) + " (" + hosts_[r] + "): " +
                       std::to_string(s.tasks) + " tasks, busy " + time(s.busy_ns) + ", idle " +
                       time(idle) + ", cpu " + time(s.cpu_ns) + " (tasks " + time(s.task_cpu_ns) +
                       "), sent " + format_byte_size(s.sent) + " in " + messages(s.messages_sent) +
                       ", received " + format_byte_size(s.received) + " in " +
                       messages(s.messages_received);
    if (r == 0)
      line += ", blobs reused " + std::to_string(s.blobs_reused) + " (" +
              format_byte_size(s.blob_bytes_saved) + " not sent), resumed " +
              std::to_string(s.resumed) + " tasks from the memo store, parallel-call branches shipped " +
              std::to_string(calls_shipped_) + ", branches handed back " +
              std::to_string(s.handed_back);
    else
      line += ", blobs reused " + std::to_string(s.blobs_reused) + ", branches handed back " +
              std::to_string(s.handed_back);
    std::fprintf(stderr, "%s\n", line.c_str());
  }
}

} // namespace purecc::mpi
