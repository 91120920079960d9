// The Open MPI backend: start-up check, communication thread, rank 0's
// dispatcher and the workers' serve loop (see mpi_backend.h).
#include "mpi_backend.h"

#include "purecc/memo.h"
#include "purecc/memo_config.h"
#include "purecc/serialize.h"

#include <mpi.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <unistd.h>

namespace purecc::mpi {
namespace {

enum Tag : int { kTagTask = 1, kTagResult = 2, kTagStop = 3, kTagStats = 4 };
/// How an argument travels inside a task message.
enum Part : std::uint8_t { kInline = 0, kStoreBlob = 1, kBlobRef = 2 };
/// MPI counts are ints: one message carries less than 2 GiB.
constexpr std::size_t kMaxMessage = 0x7fffffff;

std::uint64_t now_ns(std::chrono::steady_clock::time_point since) {
  return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                        std::chrono::steady_clock::now() - since)
                                        .count());
}

/// The PURECC_MPI_* settings as rank 0 reads them; a bad value is an
/// error (`problems` gets its line): these settings decide where work runs
/// and what each rank holds, and a cluster job that silently ran with the
/// defaults instead would waste its allocation.
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

void write_stats(ByteWriter &w, const RankStats &s) {
  for (std::uint64_t v : {s.tasks, s.busy_ns, s.wall_ns, s.sent, s.received, s.blobs_reused,
                          s.blob_bytes_saved, s.resumed})
    w.uint(v);
}

bool read_stats(ByteReader &r, RankStats &s) {
  return r.uint(s.tasks) && r.uint(s.busy_ns) && r.uint(s.wall_ns) && r.uint(s.sent) &&
         r.uint(s.received) && r.uint(s.blobs_reused) && r.uint(s.blob_bytes_saved) &&
         r.uint(s.resumed);
}

} // namespace

bool launched_by_mpi() {
  return std::getenv("OMPI_COMM_WORLD_SIZE") || std::getenv("PMIX_RANK") ||
         std::getenv("PMI_SIZE");
}

/// A range job while rank 0 runs it.
struct MpiBackend::Job {
  const RangeJob *spec;
  NodePlan plan;
  std::vector<NodeResult> results;
  std::int64_t outstanding = 0;
  bool failed = false;
  std::int64_t error_begin = 0;
  std::exception_ptr error;
  // Resume: the persistent memo tier, if enabled.
  MemoRuntime *memo = nullptr;
  DiskStore *disk = nullptr;
  SiteCounters *counters = nullptr;
  std::uint64_t min_persist_ns = 0;
  // The large arguments (index into spec->arg_ends) and their hashes.
  std::vector<Hash128> part_hash;

  Job(const RangeJob &j)
      : spec(&j), plan(j.begin, j.end, j.leaf, NodePlan::kDivisor) {}

  void note_error(std::int64_t begin, std::exception_ptr e) {
    if (!failed || begin < error_begin) {
      error_begin = begin;
      error = std::move(e);
    }
    failed = true;
  }

  /// Keyed like a memoized call task(args..., begin, end, leaf).
  MemoKey node_key(std::int64_t begin, std::int64_t end) const {
    return task_key(*spec, begin, end);
  }
};

/// The resume record's key of node [begin, end) of `spec`; a parallel-call
/// branch is the node (0, 0) of its call (leaf 0).
MemoKey task_key(const RangeJob &spec, std::int64_t begin, std::int64_t end) {
  std::string bytes;
  ByteWriter w(bytes);
  const Hash128 &fp = spec.task->fingerprint();
  w.uint(fp.hi);
  w.uint(fp.lo);
  w.uint(spec.memo_namespace.hi);
  w.uint(spec.memo_namespace.lo);
  w.bytes(spec.args.data(), spec.args.size());
  w.write(begin);
  w.write(end);
  w.write(spec.leaf);
  return xxh3_128(bytes);
}

namespace {
/// Rank 0's persistent memo tier for resume records, or nullptr
/// (PURECC_MEMO other than disk); its threshold in `min_ns`.
DiskStore *resume_store(std::uint64_t &min_ns) {
  MemoRuntime &memo = MemoRuntime::global();
  if (memo.mode() != MemoMode::disk || !memo.disk())
    return nullptr;
  min_ns = static_cast<std::uint64_t>(memo.config().min_persist_time.count());
  return memo.disk();
}
} // namespace

struct MpiBackend::PendingSend {
  MPI_Request request = MPI_REQUEST_NULL;
  std::string bytes;
};

// ---- start-up -------------------------------------------------------------------

std::unique_ptr<MpiBackend> MpiBackend::start() {
  std::unique_ptr<MpiBackend> b(new MpiBackend);
  b->started_ = std::chrono::steady_clock::now();
  b->comm_ = std::thread([p = b.get()] { p->comm_main(); });
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
  MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
  const bool ok = startup_check();
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
  MPI_Finalize();
}

bool MpiBackend::startup_check() {
  // Each rank's identity: registry digest, build id, host name.
  constexpr int kIdBytes = 64, kHostBytes = 64, kRecord = 16 + 1 + kIdBytes + kHostBytes;
  char mine[kRecord] = {};
  const Hash128 digest = TaskRegistry::digest();
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
  settings_.in_flight = static_cast<std::int64_t>(in_flight);
  settings_.blob_min = blob_min;
  settings_.blob_cache = blob_cache;
  settings_.poll_max_us = static_cast<std::int64_t>(poll);
  hosts_.resize(static_cast<std::size_t>(size_));
  for (auto &h : hosts_)
    r.read(h);
  in_flight_.assign(static_cast<std::size_t>(size_), 0);
  if (rank_ == 0)
    mirrors_.assign(static_cast<std::size_t>(size_), BlobLru(settings_.blob_cache));
  else
    blobs_ = std::make_unique<BlobLru>(settings_.blob_cache);
  worker_stats_.assign(static_cast<std::size_t>(size_), RankStats{});
  return true;
}

// ---- the communication loop ---------------------------------------------------------

void MpiBackend::post(int dest, int tag, std::string bytes) {
  auto s = std::make_unique<PendingSend>();
  s->bytes = std::move(bytes);
  sent_ += s->bytes.size();
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
    int flag = 0;
    MPI_Status status;
    MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &status);
    if (flag) {
      int count = 0;
      MPI_Get_count(&status, MPI_BYTE, &count);
      std::string buf(static_cast<std::size_t>(count), '\0');
      MPI_Recv(buf.data(), count, MPI_BYTE, status.MPI_SOURCE, status.MPI_TAG, MPI_COMM_WORLD,
               MPI_STATUS_IGNORE);
      received_ += static_cast<std::uint64_t>(count);
      handle(status.MPI_SOURCE, status.MPI_TAG, std::move(buf));
      active = true;
    }
    active |= rank_ == 0 ? dispatch() : flush_outbox();
    {
      std::lock_guard lock(mutex_);
      if (rank_ == 0 ? stop_sent_ && stats_received_ == size_ - 1 : stats_sent_)
        return;
    }
    if (active) {
      idle_us = 0;
    } else {
      // Back off while idle: polling must not take the cores the tasks need.
      idle_us = std::min<std::int64_t>(std::max<std::int64_t>(1, idle_us * 2),
                                       settings_.poll_max_us);
      // Work from this process (a result, a job, stop) wakes it at once;
      // only messages from other ranks wait for the next poll.
      std::unique_lock lock(mutex_);
      if (!wake_ && idle_us > 0)
        wake_cv_.wait_for(lock, std::chrono::microseconds(idle_us), [&] { return wake_; });
      wake_ = false;
    }
  }
}

void MpiBackend::handle(int source, int tag, std::string bytes) {
  switch (tag) {
  case kTagResult:
    handle_result(source, bytes);
    break;
  case kTagTask:
    handle_task(bytes);
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

void MpiBackend::wake_comm_locked() {
  wake_ = true;
  wake_cv_.notify_one();
}

// ---- rank 0 -------------------------------------------------------------------------------

bool MpiBackend::take_node_locked(Job &job, std::int64_t &begin, std::int64_t &end) {
  while (!job.failed) {
    auto node = job.plan.next();
    if (!node)
      return false;
    if (job.counters)
      job.counters->on_call();
    if (job.disk) {
      if (auto rec = job.disk->get(job.node_key(node->first, node->second))) {
        job.counters->on_disk_hit(rec->cost_ns);
        ++resumed_;
        job.results.push_back({node->first, node->second, std::move(rec->value)});
        continue;
      }
    }
    begin = node->first;
    end = node->second;
    return true;
  }
  return false;
}

void MpiBackend::record_locked(Job &job, std::int64_t begin, std::int64_t end, std::string bytes,
                               std::uint64_t busy_ns) {
  if (job.counters)
    job.counters->on_miss(busy_ns);
  if (job.disk && busy_ns >= job.min_persist_ns)
    job.disk->put(job.node_key(begin, end), job.spec->task->fingerprint(), job.spec->task->id(),
                  bytes, busy_ns);
  job.results.push_back({begin, end, std::move(bytes)});
}

std::string MpiBackend::encode_task(const RangeJob &spec, const std::vector<Hash128> &part_hash,
                                    int worker, std::uint64_t ticket, std::int64_t begin,
                                    std::int64_t end) {
  std::string out;
  ByteWriter w(out);
  w.uint(ticket);
  w.write(std::string_view(spec.task->id()));
  w.write(begin);
  w.write(end);
  w.write(spec.leaf);
  w.count(spec.arg_ends.size());
  BlobLru &mirror = mirrors_[static_cast<std::size_t>(worker)];
  std::size_t from = 0;
  for (std::size_t i = 0; i < spec.arg_ends.size(); ++i) {
    const std::string_view part(spec.args.data() + from, spec.arg_ends[i] - from);
    from = spec.arg_ends[i];
    if (part.size() < settings_.blob_min || !mirror.cacheable(part.size())) {
      w.uint(static_cast<std::uint8_t>(kInline));
      w.write(part);
      continue;
    }
    const Hash128 &h = part_hash[i];
    if (mirror.touch(h)) {
      w.uint(static_cast<std::uint8_t>(kBlobRef));
      w.uint(h.hi);
      w.uint(h.lo);
      ++blobs_reused_;
      blob_bytes_saved_ += part.size();
    } else {
      mirror.insert(h, part.size());
      w.uint(static_cast<std::uint8_t>(kStoreBlob));
      w.uint(h.hi);
      w.uint(h.lo);
      w.write(part);
    }
  }
  return out;
}

bool MpiBackend::dispatch() {
  std::lock_guard lock(mutex_);
  bool any = false;
  if (job_) {
    for (int worker = 1; worker < size_; ++worker) {
      while (in_flight_[static_cast<std::size_t>(worker)] < settings_.in_flight) {
        std::int64_t begin = 0, end = 0;
        if (!take_node_locked(*job_, begin, end))
          break;
        const std::uint64_t ticket = next_ticket_++;
        tickets_[ticket] = {begin, end, worker};
        ++in_flight_[static_cast<std::size_t>(worker)];
        ++job_->outstanding;
        post(worker, kTagTask, encode_task(*job_->spec, job_->part_hash, worker, ticket, begin, end));
        any = true;
      }
    }
    cv_.notify_all(); // results recorded from disk hits
  }
  any |= dispatch_calls_locked();
  if (stop_requested_ && !stop_sent_) {
    for (int worker = 1; worker < size_; ++worker)
      post(worker, kTagStop, {});
    stop_sent_ = true;
    any = true;
  }
  return any;
}

void MpiBackend::handle_result(int source, std::string_view bytes) {
  ByteReader r(bytes);
  std::uint64_t ticket = 0, busy = 0;
  bool ok = false;
  std::string payload, what;
  if (!r.uint(ticket) || !r.uint(busy) || !r.read(ok) || !r.read(payload) ||
      (!ok && !r.read(what)))
    return; // cannot happen between consistent builds
  std::lock_guard lock(mutex_);
  auto it = tickets_.find(ticket);
  if (it == tickets_.end())
    return;
  const Ticket t = it->second;
  tickets_.erase(it);
  --in_flight_[static_cast<std::size_t>(source)];
  if (CallOffer *o = t.call) {
    if (ok) {
      // Persisted as it arrives, like a range node: a rerun after a
      // failure finds it (offer_call).
      std::uint64_t min_ns = 0;
      if (DiskStore *disk = resume_store(min_ns); disk && busy >= min_ns)
        disk->put(task_key(o->job, 0, 0), o->job.task->fingerprint(), o->job.task->id(), payload,
                  busy);
      o->result = std::move(payload);
      // Measured too cheap to travel: this function's branches at this
      // level and below stay on rank 0 from now on.
      if (busy < static_cast<std::uint64_t>(settings_.call_min_us) * 1000) {
        std::uint64_t &cut = call_cut_.try_emplace(o->job.task, detail::kDeepCall).first->second;
        cut = std::min(cut, o->width);
      }
    } else {
      o->error = detail::make_remote_exception({std::move(payload), std::move(what)}, source,
                                               hosts_[static_cast<std::size_t>(source)]);
    }
    o->state = CallOffer::State::done;
    cv_.notify_all();
    return;
  }
  if (job_) {
    if (ok)
      record_locked(*job_, t.begin, t.end, std::move(payload), busy);
    else
      job_->note_error(t.begin, detail::make_remote_exception(
                                    {std::move(payload), std::move(what)}, source,
                                    hosts_[static_cast<std::size_t>(source)]));
    --job_->outstanding;
  }
  cv_.notify_all();
}

std::vector<NodeResult> MpiBackend::run(const RangeJob &spec) {
  auto job = std::make_shared<Job>(spec);
  job->memo = &MemoRuntime::global();
  if (job->memo->mode() == MemoMode::disk && job->memo->disk()) {
    job->disk = job->memo->disk();
    job->min_persist_ns = static_cast<std::uint64_t>(job->memo->config().min_persist_time.count());
  }
  if (job->memo->mode() != MemoMode::off)
    job->counters = &job->memo->stats().counters(spec.task->site());
  std::size_t from = 0;
  for (std::size_t end : spec.arg_ends) {
    const std::string_view part(spec.args.data() + from, end - from);
    job->part_hash.push_back(part.size() >= settings_.blob_min ? xxh3_128(part) : Hash128{});
    from = end;
  }
  // A task message must fit in one MPI message; a job whose arguments do
  // not fit runs here, as one node (the same result, just not shipped).
  if (spec.args.size() + 4096 > kMaxMessage) {
    static std::once_flag once;
    std::call_once(once, [&] {
      std::fprintf(stderr, "purecc: note: task '%s' runs on rank 0 only: its arguments (%zu bytes) "
                           "exceed the largest MPI message (2 GiB)\n",
                   spec.task->id(), spec.args.size());
    });
    NodeScope scope;
    return {{spec.begin, spec.end, spec.task->run(spec.args, spec.begin, spec.end, spec.leaf)}};
  }
  std::unique_lock lock(mutex_);
  // One range job at a time: two threads of the program (its own
  // std::threads) may each reach a distributed loop. The second waits for
  // the first; it cannot be inside the first's nodes (a node never ships).
  cv_.wait(lock, [&] { return !job_; });
  job_ = job;
  wake_comm_locked();
  while (true) {
    std::int64_t begin = 0, end = 0;
    if (settings_.root_works && take_node_locked(*job, begin, end)) {
      lock.unlock();
      // Rank 0 takes its share, on its own cores.
      const auto start = std::chrono::steady_clock::now();
      std::string bytes;
      std::exception_ptr error;
      try {
        NodeScope scope;
        bytes = spec.task->run(spec.args, begin, end, spec.leaf);
      } catch (...) {
        // Described like a worker's exception, so what the caller catches
        // does not depend on which rank happened to run the node.
        error = detail::as_cluster_exception(0);
      }
      const std::uint64_t busy = now_ns(start);
      tasks_ += 1;
      busy_ns_ += busy;
      lock.lock();
      if (error)
        job->note_error(begin, error);
      else
        record_locked(*job, begin, end, std::move(bytes), busy);
      continue;
    }
    if (job->outstanding == 0 && (job->failed || job->plan.exhausted()))
      break;
    cv_.wait(lock);
  }
  job_.reset();
  cv_.notify_all(); // a thread waiting to run its own job
  lock.unlock();
  // A finished job's persisted results are on disk before the caller goes
  // on: a run killed later finds all of them.
  if (job->disk)
    job->disk->flush();
  if (job->failed)
    std::rethrow_exception(job->error);
  return std::move(job->results);
}

// ---- parallel calls (rank 0) ------------------------------------------------------------

void MpiBackend::enable_calls(bool on) noexcept {
  if (rank_ != 0 || size_ < 2)
    return;
  {
    std::lock_guard lock(mutex_);
    ship_min_width_ = static_cast<std::uint64_t>(settings_.call_split) * static_cast<std::uint64_t>(size_);
  }
  // Offered up to 64 times wider (six binary levels below the first that
  // may travel): deeper, an idle rank gets a smaller piece of a subtree
  // rank 0 is running; deeper still, branches are never worth a message.
  detail::g_call_offer_width.store(on ? ship_min_width_ * 64 : 0, std::memory_order_relaxed);
}

bool MpiBackend::shippable_locked(const CallOffer &o) const {
  if (o.width < ship_min_width_)
    return false;
  auto it = call_cut_.find(o.job.task);
  return it == call_cut_.end() || o.width < it->second;
}

bool MpiBackend::offer_call(CallOffer &o) {
  if (!o.job.task || o.job.args.size() + 4096 > kMaxMessage)
    return false;
  // Resume: a branch that may travel and whose result an earlier run
  // persisted (see handle_result) is done before it is offered.
  bool may_travel = false;
  {
    std::lock_guard lock(mutex_);
    may_travel = shippable_locked(o);
  }
  std::uint64_t min_ns = 0;
  if (may_travel) {
    if (DiskStore *disk = resume_store(min_ns)) {
      if (auto rec = disk->get(task_key(o.job, 0, 0))) {
        std::lock_guard lock(mutex_);
        o.result = std::move(rec->value);
        o.state = CallOffer::State::done;
        ++resumed_;
        return true;
      }
    }
  }
  std::lock_guard lock(mutex_);
  o.state = CallOffer::State::offered;
  call_board_.push_back(&o);
  if (shippable_locked(o) &&
      std::find(in_flight_.begin() + 1, in_flight_.end(), 0) != in_flight_.end())
    wake_comm_locked();
  return true;
}

bool MpiBackend::withdraw_call(CallOffer &o) {
  std::lock_guard lock(mutex_);
  if (o.state != CallOffer::State::offered)
    return false;
  // With PURECC_MPI_ROOT_WORKS=0 a branch that may travel waits for a worker.
  if (!settings_.root_works && shippable_locked(o))
    return false;
  call_board_.erase(std::find(call_board_.begin(), call_board_.end(), &o));
  o.state = CallOffer::State::withdrawn;
  return true;
}

namespace {
/// How many offers this thread runs on top of one another while waiting.
thread_local int t_help_depth = 0;
/// Each level holds a waiting frame on the stack: a bound keeps a long
/// run of waits (several ranks, a deep tree) from exhausting it.
constexpr int kMaxHelpDepth = 8;
} // namespace

void MpiBackend::wait_call(CallOffer &o) {
  std::unique_lock lock(mutex_);
  while (o.state != CallOffer::State::done && o.state != CallOffer::State::withdrawn) {
    // Meanwhile run the most recent offer nobody took (the deepest one:
    // the nearest sibling of what this thread ran last). With
    // PURECC_MPI_ROOT_WORKS=0 rank 0 waits: every offer it ran would wait
    // for a worker in turn, one frame deeper each time.
    CallOffer *help = nullptr;
    if (o.state == CallOffer::State::offered && !shippable_locked(o)) {
      // Waiting for a worker (PURECC_MPI_ROOT_WORKS=0), but a measured cut
      // has since ruled the branch out: it runs here after all.
      help = &o;
      call_board_.erase(std::find(call_board_.begin(), call_board_.end(), &o));
    } else if (settings_.root_works && t_help_depth < kMaxHelpDepth && !call_board_.empty()) {
      help = call_board_.back();
      call_board_.pop_back();
    }
    if (!help) {
      cv_.wait(lock);
      continue;
    }
    help->state = CallOffer::State::taken_here;
    lock.unlock();
    ++t_help_depth;
    help->run(help);
    --t_help_depth;
    lock.lock();
    help->state = CallOffer::State::done;
    cv_.notify_all();
  }
}

bool MpiBackend::dispatch_calls_locked() {
  bool any = false;
  for (int worker = 1; worker < size_ && !call_board_.empty(); ++worker) {
    if (in_flight_[static_cast<std::size_t>(worker)] != 0)
      continue;
    // The branch nearest the root (the narrowest level) that may travel;
    // the leftmost of equals.
    auto best = call_board_.end();
    for (auto it = call_board_.begin(); it != call_board_.end(); ++it)
      if (shippable_locked(**it) && (best == call_board_.end() || (*it)->width < (*best)->width))
        best = it;
    if (best == call_board_.end())
      break;
    CallOffer *o = *best;
    call_board_.erase(best);
    o->state = CallOffer::State::shipped;
    std::vector<Hash128> part_hash;
    std::size_t from = 0;
    for (std::size_t end : o->job.arg_ends) {
      const std::string_view part(o->job.args.data() + from, end - from);
      part_hash.push_back(part.size() >= settings_.blob_min ? xxh3_128(part) : Hash128{});
      from = end;
    }
    const std::uint64_t ticket = next_ticket_++;
    tickets_[ticket] = {0, 0, worker, o};
    ++in_flight_[static_cast<std::size_t>(worker)];
    ++calls_shipped_;
    post(worker, kTagTask, encode_task(o->job, part_hash, worker, ticket, 0, 0));
    any = true;
  }
  return any;
}

void MpiBackend::finish() {
  {
    std::lock_guard lock(mutex_);
    stop_requested_ = true;
    wake_comm_locked();
  }
  if (comm_.joinable())
    comm_.join();
  RankStats mine;
  mine.tasks = tasks_;
  mine.busy_ns = busy_ns_;
  mine.wall_ns = now_ns(started_);
  mine.sent = sent_;
  mine.received = received_;
  mine.blobs_reused = blobs_reused_;
  mine.blob_bytes_saved = blob_bytes_saved_;
  mine.resumed = resumed_;
  std::vector<RankStats> all = worker_stats_;
  all[0] = mine;
  const char *stats = std::getenv("PURECC_STATS");
  if (stats && std::strcmp(stats, "1") == 0)
    print_stats(all);
}

void MpiBackend::print_stats(const std::vector<RankStats> &all) const {
  for (std::size_t r = 0; r < all.size(); ++r) {
    const RankStats &s = all[r];
    const std::uint64_t idle = s.wall_ns > s.busy_ns ? s.wall_ns - s.busy_ns : 0;
    std::string line = "purecc: rank " + std::to_string(r) + " (" + hosts_[r] + "): " +
                       std::to_string(s.tasks) + " tasks, busy " +
                       format_duration(std::chrono::nanoseconds(s.busy_ns)) + ", idle " +
                       format_duration(std::chrono::nanoseconds(idle)) + ", sent " +
                       format_byte_size(s.sent) + ", received " + format_byte_size(s.received);
    if (r == 0)
      line += ", blobs reused " + std::to_string(s.blobs_reused) + " (" +
              format_byte_size(s.blob_bytes_saved) + " not sent), resumed " +
              std::to_string(s.resumed) + " tasks from the memo store, parallel-call branches shipped " +
              std::to_string(calls_shipped_);
    else
      line += ", blobs reused " + std::to_string(s.blobs_reused);
    std::fprintf(stderr, "%s\n", line.c_str());
  }
}

// ---- ranks > 0 ------------------------------------------------------------------------------

void MpiBackend::handle_task(std::string_view bytes) {
  ByteReader r(bytes);
  Task t{};
  std::size_t parts = 0;
  if (!r.uint(t.ticket) || !r.read(t.id) || !r.read(t.begin) || !r.read(t.end) ||
      !r.read(t.leaf) || !r.count(parts))
    t.error = "malformed task message";
  for (std::size_t i = 0; i < parts && t.error.empty(); ++i) {
    std::uint8_t kind = 0;
    Hash128 h;
    std::string_view data;
    std::size_t n = 0;
    if (!r.uint(kind)) {
      t.error = "malformed task message";
    } else if (kind == kInline) {
      if (r.count(n) && r.view(data, n))
        t.args.append(data);
      else
        t.error = "malformed task message";
    } else if (!r.uint(h.hi) || !r.uint(h.lo)) {
      t.error = "malformed task message";
    } else if (kind == kStoreBlob) {
      if (r.count(n) && r.view(data, n)) {
        blobs_->insert(h, data.size(), std::string(data));
        t.args.append(data);
      } else {
        t.error = "malformed task message";
      }
    } else if (blobs_->touch(h)) {
      const std::string *blob = blobs_->bytes(h);
      t.args.append(*blob);
      ++blobs_reused_;
      blob_bytes_saved_ += blob->size();
    } else {
      t.error = "argument blob " + h.hex() + " is not in this rank's cache";
    }
  }
  std::lock_guard lock(mutex_);
  queue_.push_back(std::move(t));
  cv_.notify_all();
}

bool MpiBackend::flush_outbox() {
  std::deque<Outgoing> out;
  bool send_stats = false;
  {
    std::lock_guard lock(mutex_);
    out.swap(outbox_);
    send_stats = executor_done_ && !stats_sent_;
  }
  for (Outgoing &o : out)
    post(o.dest, o.tag, std::move(o.bytes));
  if (send_stats) {
    RankStats s;
    s.tasks = tasks_;
    s.busy_ns = busy_ns_;
    s.wall_ns = now_ns(started_);
    s.received = received_;
    s.blobs_reused = blobs_reused_;
    s.blob_bytes_saved = blob_bytes_saved_;
    std::string bytes;
    ByteWriter w(bytes);
    s.sent = sent_ + 8 * 8; // this message included
    write_stats(w, s);
    post(0, kTagStats, std::move(bytes));
    std::lock_guard lock(mutex_);
    stats_sent_ = true;
  }
  return !out.empty() || send_stats;
}

void MpiBackend::serve() {
  while (true) {
    Task t;
    {
      std::unique_lock lock(mutex_);
      cv_.wait(lock, [&] { return !queue_.empty() || stop_received_; });
      if (queue_.empty())
        break;
      t = std::move(queue_.front());
      queue_.pop_front();
    }
    const auto start = std::chrono::steady_clock::now();
    std::string result, what;
    bool ok = false;
    try {
      if (!t.error.empty())
        throw std::runtime_error("purecc: " + t.error);
      const TaskEntry *entry = TaskRegistry::find(t.id);
      if (!entry)
        throw std::runtime_error("purecc: task '" + t.id + "' is not registered on this rank");
      NodeScope scope;
      result = entry->run(t.args, t.begin, t.end, t.leaf);
      ok = true;
    } catch (...) {
      detail::exception_description d = detail::describe_current_exception();
      result = std::move(d.type_name);
      what = std::move(d.what);
    }
    const std::uint64_t busy = now_ns(start);
    tasks_ += 1;
    busy_ns_ += busy;
    if (ok && result.size() > kMaxMessage - 1024) {
      ok = false;
      what = "purecc: a node result of " + std::to_string(result.size()) +
             " bytes exceeds the largest MPI message (2 GiB); use a larger range split or a smaller result";
      result = "std::length_error";
    }
    std::string bytes;
    ByteWriter w(bytes);
    w.uint(t.ticket);
    w.uint(busy);
    w.write(ok);
    w.write(result);
    if (!ok)
      w.write(what);
    std::lock_guard lock(mutex_);
    outbox_.push_back({0, kTagResult, std::move(bytes)});
    wake_comm_locked();
  }
  {
    std::lock_guard lock(mutex_);
    executor_done_ = true;
    wake_comm_locked();
  }
  comm_.join();
}

} // namespace purecc::mpi
