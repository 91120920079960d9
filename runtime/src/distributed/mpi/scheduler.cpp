// Rank 0's scheduler (see scheduler.h): range jobs handed out as nodes of
// the split tree, their results recorded and persisted for resume, and
// parallel-call branches offered, shipped to idle workers or run here.
#include "scheduler.h"

#include "wire.h"

#include "purecc/branch_fenv.h"
#include "purecc/memo.h"
#include "purecc/range_tree.h"
#include "purecc/serialize.h"
#include "purecc/shipped_flags.h"
#include "purecc/shipped_rounding.h"

#include <algorithm>
#include <cfenv>
#include <cstdint>
#include <cstdio>
#include <mutex>
#include <pthread.h>
#include <time.h>

namespace purecc::mpi {

namespace {
/// Rank 0's cost of a remote node beyond its bytes: encoding, the round
/// trip through two communication threads, recording (84-150 us at rank 0
/// on this machine's loopback with 4 in flight, docs/distributed.md).
constexpr std::uint64_t kRemoteNodeNs = 100'000;
/// Rank 0's cost per byte moved beyond what a local node costs too (both
/// encode and decode the node's result): the copy into and out of Open
/// MPI's buffers and the receive on the communication thread — 2-5 ns per
/// byte of that thread's CPU for a map of 800 000 doubles shipped whole
/// (6.1 MiB; docs/distributed.md), against 10-17 ns per element (1.3-2 ns
/// per result byte) for computing and encoding it on rank 0.
constexpr std::uint64_t kNsPerByte = 4;
} // namespace

bool ship_pays(std::uint64_t cpu_ns, std::uint64_t result_bytes, std::uint64_t arg_bytes,
               std::uint64_t nodes) {
  // In floating point: a product of byte counts must not wrap.
  return static_cast<double>(cpu_ns) >
         static_cast<double>(result_bytes + arg_bytes) * kNsPerByte +
             static_cast<double>(nodes) * kRemoteNodeNs;
}

/// The resume record's key of node [begin, end) of `spec`; a parallel-call
/// branch is the node (0, 0) of its call (leaf 0).
MemoKey task_key(const RangeJob &spec, std::int64_t begin, std::int64_t end) {
  std::string bytes;
  ByteWriter w(bytes);
  const Hash128 &fp = spec.task->fingerprint();
  w.uint(kResumeRecordFormat);
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

std::string resume_record(std::uint8_t fp_flags, std::string_view result) {
  std::string value;
  value.reserve(result.size() + 1);
  value.push_back(static_cast<char>(fp_flags));
  value.append(result);
  return value;
}

bool read_resume_record(std::string &value, std::uint8_t &fp_flags) {
  if (value.empty() || !decode_fp_flags(static_cast<std::uint8_t>(value[0])))
    return false;
  fp_flags = static_cast<std::uint8_t>(value[0]);
  value.erase(0, 1);
  return true;
}

DiskStore *resume_store(std::uint64_t &min_ns) {
  MemoRuntime &memo = MemoRuntime::global();
  if (memo.mode() != MemoMode::disk || !memo.disk())
    return nullptr;
  min_ns = static_cast<std::uint64_t>(memo.config().min_persist_time.count());
  return memo.disk();
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
      const MemoKey key = job.node_key(node->first, node->second);
      std::uint8_t flags = 0;
      if (auto rec = persisted_here_.contains(key) ? std::nullopt : job.disk->get(key);
          rec && read_resume_record(rec->value, flags)) {
        job.counters->on_disk_hit(rec->cost_ns);
        ++resumed_;
        job.fp_flags |= flags;
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

std::int64_t node_limit(const NodeCosts &c, std::int64_t in_flight, int ranks) {
  if (c.nodes == 0)
    return c.coarse ? 1 : in_flight;
  const double node_ns = static_cast<double>(c.busy_ns) / static_cast<double>(c.nodes);
  if (node_ns < 2e6)
    return in_flight;
  const double left_ns = static_cast<double>(c.remaining) * static_cast<double>(c.busy_ns) /
                         static_cast<double>(std::max<std::uint64_t>(c.elements, 1));
  return std::min<std::int64_t>(in_flight, left_ns < 2.0 * ranks * node_ns ? 1 : 2);
}

void MpiBackend::record_locked(Job &job, std::int64_t begin, std::int64_t end, std::string bytes,
                               std::uint64_t busy_ns, std::uint8_t fp_flags) {
  job.fp_flags |= fp_flags;
  job.done_busy_ns += busy_ns;
  job.done_elements += detail::range_length(begin, end);
  ++job.done_nodes;
  if (job.counters)
    job.counters->on_miss(busy_ns);
  if (job.disk && busy_ns >= job.min_persist_ns) {
    const MemoKey key = job.node_key(begin, end);
    persisted_here_.insert(key);
    job.disk->put(key, job.spec->task->fingerprint(), job.spec->task->id(),
                  resume_record(fp_flags, bytes), busy_ns);
  }
  job.results.push_back({begin, end, std::move(bytes)});
}

std::string MpiBackend::encode_task(const RangeJob &spec, const std::vector<Hash128> &part_hash,
                                    BlobLru *mirror, std::uint64_t ticket, std::int64_t begin,
                                    std::int64_t end, std::uint64_t width) {
  std::string out;
  ByteWriter w(out);
  w.uint(ticket);
  w.write(std::string_view(spec.task->id()));
  w.write(begin);
  w.write(end);
  w.write(spec.leaf);
  w.uint(static_cast<std::uint8_t>(spec.rounding));
  w.uint(width);
  w.count(spec.arg_ends.size());
  std::size_t from = 0;
  for (std::size_t i = 0; i < spec.arg_ends.size(); ++i) {
    const std::string_view part(spec.args.data() + from, spec.arg_ends[i] - from);
    from = spec.arg_ends[i];
    if (!mirror || part.size() < settings_.blob_min || !mirror->cacheable(part.size())) {
      w.uint(static_cast<std::uint8_t>(kInline));
      w.write(part);
      continue;
    }
    const Hash128 &h = part_hash[i];
    if (mirror->touch(h)) {
      w.uint(static_cast<std::uint8_t>(kBlobRef));
      w.uint(h.hi);
      w.uint(h.lo);
      ++blobs_reused_;
      blob_bytes_saved_ += part.size();
    } else {
      mirror->insert(h, part.size());
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
      // Nothing travels before rank 0 has measured a node of its own: a map
      // of trivial elements must not send its range out before the
      // estimate says it stays (ship_pays). A first node that keeps rank
      // 0 busy for kProbeCpuNs of CPU is no such map.
      if (job_->ship == Job::Ship::probe && job_->probing) {
        if (cpu_clock_ns(job_->probe_clock) - job_->probe_cpu_start >= kProbeCpuNs) {
          job_->ship = Job::Ship::yes;
          job_->coarse = true;
        }
      }
      const NodeCosts costs{job_->done_busy_ns, job_->done_elements, job_->done_nodes,
                            job_->plan.remaining(), job_->coarse};
      const std::int64_t limit =
          job_->ship == Job::Ship::yes ? node_limit(costs, settings_.in_flight, size_) : 0;
      while (in_flight_[static_cast<std::size_t>(worker)] < limit) {
        std::int64_t begin = 0, end = 0;
        if (!take_node_locked(*job_, begin, end))
          break;
        const std::uint64_t ticket = next_ticket_++;
        tickets_[ticket] = {begin, end, worker};
        if (in_flight_[static_cast<std::size_t>(worker)] == 0)
          running_since_[static_cast<std::size_t>(worker)] = std::chrono::steady_clock::now();
        ++in_flight_[static_cast<std::size_t>(worker)];
        ++job_->outstanding;
        post(worker, kTagTask,
             encode_task(*job_->spec, job_->part_hash, &mirrors_[static_cast<std::size_t>(worker)],
                         ticket, begin, end, 0),
             ticket);
        any = true;
      }
    }
    cv_.notify_all(); // results recorded from disk hits
  }
  any |= dispatch_calls_locked();
  any |= ask_splits_locked();
  if (stop_requested_ && !stop_sent_) {
    for (int worker = 1; worker < size_; ++worker)
      post(worker, kTagStop, {});
    stop_sent_ = true;
    any = true;
  }
  return any;
}

void MpiBackend::handle_result(int source, std::string_view bytes) {
  ResultMessage m;
  if (!read_result(bytes, m))
    return; // cannot happen between consistent builds
  const std::uint64_t busy = m.busy_ns;
  const bool ok = m.ok;
  std::string &payload = m.payload, &what = m.what;
  std::lock_guard lock(mutex_);
  auto it = tickets_.find(m.ticket);
  if (it == tickets_.end())
    return;
  const Ticket t = it->second;
  tickets_.erase(it);
  // The worker's next node (if it holds one) starts now.
  if (--in_flight_[static_cast<std::size_t>(source)] > 0)
    running_since_[static_cast<std::size_t>(source)] = std::chrono::steady_clock::now();
  if (CallOffer *o = t.call) {
    call_busy_ns_ += busy;
    ++calls_done_;
    if (split_asked_[static_cast<std::size_t>(source)] == m.ticket)
      split_asked_[static_cast<std::size_t>(source)] = 0; // it ran to the end
    if (ok) {
      // Persisted as it arrives, like a range node: a rerun after a
      // failure finds it (offer_call).
      std::uint64_t min_ns = 0;
      if (DiskStore *disk = resume_store(min_ns); disk && busy >= min_ns) {
        const MemoKey key = task_key(o->job, 0, 0);
        persisted_here_.insert(key);
        disk->put(key, o->job.task->fingerprint(), o->job.task->id(),
                  resume_record(m.fp_flags, payload), busy);
      }
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
    // Also a throwing branch's: parallel_invoke delivers those too.
    o->fp_flags = *decode_fp_flags(m.fp_flags);
    o->state = CallOffer::State::done;
    cv_.notify_all();
    return;
  }
  if (job_) {
    if (ok) {
      record_locked(*job_, t.begin, t.end, std::move(payload), busy, m.fp_flags);
    } else {
      job_->fp_flags |= m.fp_flags; // a throwing node's too, as a local run delivers them
      job_->note_error(t.begin, detail::make_remote_exception(
                                    {std::move(payload), std::move(what)}, source,
                                    hosts_[static_cast<std::size_t>(source)]));
    }
    --job_->outstanding;
  }
  cv_.notify_all();
}

std::vector<NodeResult> MpiBackend::run(const RangeJob &spec) {
  const auto entered = std::chrono::steady_clock::now();
  auto job = std::make_shared<Job>(spec);
  job->memo = &MemoRuntime::global();
  const std::uint64_t memo_ns = now_ns(entered);
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
    if (part.size() < settings_.blob_min)
      job->inline_arg_bytes += part.size();
    from = end;
  }
  // Rank 0 only coordinating: everything travels, whatever it costs.
  if (!settings_.root_works)
    job->ship = Job::Ship::yes;
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
  // The caller's flags before the job: at its end they become these plus
  // every node's (below), whatever this thread's bookkeeping raised in
  // between (ship_pays computes in floating point: an FE_INEXACT that a
  // serial loop of integers never raises).
  const int entry_flags = std::fetestexcept(FE_ALL_EXCEPT);
  std::unique_lock lock(mutex_);
  // One range job at a time: two threads of the program (its own
  // std::threads) may each reach a distributed loop. The second waits for
  // the first; it cannot be inside the first's nodes (a node never ships).
  cv_.wait(lock, [&] { return !job_; });
  if (auto known = ship_known_.find(spec.task); known != ship_known_.end() && known->second)
    job->ship = Job::Ship::yes;
  job_ = job;
  wake_comm_locked();
  costs_.memo_ns += memo_ns;
  costs_.job_start_ns += now_ns(entered);
  ++costs_.jobs;
  while (true) {
    std::int64_t begin = 0, end = 0;
    if (settings_.root_works && take_node_locked(*job, begin, end)) {
      if (job->ship == Job::Ship::probe && !job->probing &&
          pthread_getcpuclockid(pthread_self(), &job->probe_clock) == 0) {
        job->probe_cpu_start = thread_cpu_ns();
        job->probing = true;
      }
      lock.unlock();
      // Rank 0 takes its share, on its own cores.
      const auto start = std::chrono::steady_clock::now();
      // The estimate uses this thread's CPU time: a node that was only
      // preempted (a loaded machine) must not look expensive.
      const std::uint64_t cpu_start = thread_cpu_ns(), process_start = process_cpu_ns();
      std::string bytes;
      std::exception_ptr error;
      // This node's own flags, as a worker measures its node's: they are
      // persisted with its result.
      std::feclearexcept(FE_ALL_EXCEPT);
      try {
        NodeScope scope;
        bytes = spec.task->run(spec.args, begin, end, spec.leaf);
      } catch (...) {
        // Described like a worker's exception, so what the caller catches
        // does not depend on which rank happened to run the node.
        error = detail::as_cluster_exception(0);
      }
      const std::uint8_t flags = encode_fp_flags(std::fetestexcept(FE_ALL_EXCEPT));
      const std::uint64_t cpu = thread_cpu_ns() - cpu_start;
      const std::uint64_t busy = now_ns(start);
      task_cpu_ns_ += process_cpu_ns() - process_start;
      tasks_ += 1;
      busy_ns_ += busy;
      lock.lock();
      if (error) {
        job->fp_flags |= flags;
        job->note_error(begin, error);
      } else {
        job->measured_cpu_ns += cpu;
        job->measured_bytes += bytes.size();
        ++job->measured_nodes;
        const bool pays =
            ship_pays(job->measured_cpu_ns, job->measured_bytes,
                      job->inline_arg_bytes * job->measured_nodes, job->measured_nodes);
        if (pays && job->ship != Job::Ship::yes)
          wake_comm_locked();
        job->ship = pays ? Job::Ship::yes : Job::Ship::no;
        record_locked(*job, begin, end, std::move(bytes), busy, flags);
      }
      continue;
    }
    if (job->outstanding == 0 && (job->failed || job->plan.exhausted()))
      break;
    // A worker's handed-back branch may wait for this thread: the worker
    // waits for it in turn, perhaps with this job's nodes queued behind.
    if (run_handed_back(lock))
      continue;
    const auto waiting = std::chrono::steady_clock::now();
    cv_.wait(lock);
    costs_.tail_ns += now_ns(waiting);
  }
  if (settings_.root_works && job->measured_nodes > 0)
    ship_known_[spec.task] = job->ship == Job::Ship::yes;
  job_.reset();
  cv_.notify_all(); // a thread waiting to run its own job
  lock.unlock();
  // The serial loop's flags: the caller's own and every node's, wherever
  // it ran (shipped_flags.h); set, not raised, so nothing traps.
  std::feclearexcept(FE_ALL_EXCEPT);
  detail::set_fp_flags(entry_flags | *decode_fp_flags(job->fp_flags));
  // No flush here: the store's writer commits every result at most its
  // flush interval (50 ms) after it was put, job or no job, which is the
  // whole promise to a killed run; waiting for the commit at the end of
  // every job cost rank 0 0.3-15 ms per job inside the kernel (a search
  // recursing through reductions runs many jobs). finish() flushes what is
  // left.
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
  // Offered up to kOfferSpan times wider (six binary levels below the
  // first that may travel): deeper, an idle rank gets a smaller piece of a
  // subtree rank 0 is running; deeper still, branches are never worth a message.
  detail::g_call_offer_width.store(on ? ship_min_width_ * kOfferSpan : 0, std::memory_order_relaxed);
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
  // persisted (see handle_result) is done before it is offered; one this
  // run persisted is not (persisted_here_).
  // (Rank 0 only: a worker's offers are parts of a branch rank 0 shipped,
  // handed back only when asked, and never persisted.)
  bool may_travel = false;
  {
    std::lock_guard lock(mutex_);
    may_travel = rank_ == 0 && shippable_locked(o);
  }
  std::uint64_t min_ns = 0;
  if (may_travel) {
    if (DiskStore *disk = resume_store(min_ns)) {
      const MemoKey key = task_key(o.job, 0, 0);
      bool own = false;
      {
        std::lock_guard lock(mutex_);
        own = persisted_here_.contains(key);
      }
      std::uint8_t flags = 0;
      if (auto rec = own ? std::nullopt : disk->get(key); rec && read_resume_record(rec->value, flags)) {
        std::lock_guard lock(mutex_);
        o.result = std::move(rec->value);
        o.fp_flags = *decode_fp_flags(flags);
        o.state = CallOffer::State::done;
        ++resumed_;
        return true;
      }
    }
  }
  std::lock_guard lock(mutex_);
  o.state = CallOffer::State::offered;
  call_board_.push_back(&o);
  if (rank_ == 0 ? shippable_locked(o) &&
                       std::find(in_flight_.begin() + 1, in_flight_.end(), 0) != in_flight_.end()
                 : split_for_ != 0 && split_for_ == running_call_ && handed_out_ == 0)
    wake_comm_locked(); // an idle worker may take it; rank 0 asked this worker for one
  return true;
}

bool MpiBackend::withdraw_call(CallOffer &o) {
  std::unique_lock lock(mutex_);
  // PURECC_MPI_AWAIT_SPLIT (tests): the branch hands a piece back before
  // it takes any offer back; rank 0's request wakes the communication
  // thread, which hands back the widest offer and wakes this thread.
  if (rank_ != 0 && settings_.await_split)
    cv_.wait(lock, [&] {
      return o.state != CallOffer::State::offered || running_call_ == 0 ||
             handed_back_from_ == running_call_;
    });
  if (o.state != CallOffer::State::offered)
    return false;
  // With PURECC_MPI_ROOT_WORKS=0 a branch that may travel waits for a worker.
  if (rank_ == 0 && !settings_.root_works && shippable_locked(o))
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
      // Nothing of its own to run: a branch a worker handed back, at any
      // depth (it runs as a node: nothing in it waits here again); else
      // wait, asking a worker to hand part of its branch back (rank 0).
      if (run_handed_back(lock))
        continue;
      const auto waiting = std::chrono::steady_clock::now();
      if (rank_ == 0 && idle_callers_++ == 0)
        wake_comm_locked();
      cv_.wait(lock);
      if (rank_ == 0)
        --idle_callers_;
      costs_.call_wait_ns += now_ns(waiting);
      continue;
    }
    help->state = CallOffer::State::taken_here;
    lock.unlock();
    ++t_help_depth;
    // The branch's flags go to the thread that offered it (its wait_call
    // sets them), as a worker's do; this thread keeps its own.
    std::fexcept_t own{};
    std::fegetexceptflag(&own, FE_ALL_EXCEPT);
    std::feclearexcept(FE_ALL_EXCEPT);
    {
      // Under the rounding mode of the thread that offered it: this thread
      // may be another of the program's own threads, under a mode of its own.
      rounding_scope under(decode_rounding(static_cast<std::uint8_t>(help->job.rounding))
                               .value_or(FE_TONEAREST));
      help->run(help);
    }
    const int raised = std::fetestexcept(FE_ALL_EXCEPT);
    std::fesetexceptflag(&own, FE_ALL_EXCEPT);
    --t_help_depth;
    lock.lock();
    help->fp_flags = raised;
    help->state = CallOffer::State::done;
    cv_.notify_all();
  }
  // On the thread that offered `o`: the flags of the branch where it ran
  // (another rank, the resume store, another thread of this process).
  if (o.fp_flags != 0)
    detail::set_fp_flags(o.fp_flags);
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
    running_since_[static_cast<std::size_t>(worker)] = std::chrono::steady_clock::now();
    ++in_flight_[static_cast<std::size_t>(worker)];
    ++calls_shipped_;
    post(worker, kTagTask,
         encode_task(o->job, part_hash, &mirrors_[static_cast<std::size_t>(worker)], ticket, 0, 0,
                     o->width),
         ticket);
    any = true;
  }
  return any;
}

// ---- branches handed back (rank 0) ------------------------------------------------------------

bool MpiBackend::ask_splits_locked() {
  if (idle_callers_ == 0)
    return false;
  // One piece per waiting thread: a piece nobody here runs yet would keep
  // its worker waiting for it, once that worker has run its other offers.
  std::int64_t want = idle_callers_ - static_cast<std::int64_t>(handed_back_.size()) -
                      std::count_if(split_asked_.begin(), split_asked_.end(),
                                    [](std::uint64_t t) { return t != 0; });
  bool any = false;
  // The branches out longest first (tickets count up).
  for (const auto &[ticket, t] : tickets_) {
    if (want <= 0)
      break;
    if (!t.call || split_asked_[static_cast<std::size_t>(t.worker)] != 0)
      continue;
    std::string bytes;
    ByteWriter w(bytes);
    w.uint(ticket);
    post(t.worker, kTagSplit, std::move(bytes));
    split_asked_[static_cast<std::size_t>(t.worker)] = ticket;
    --want;
    any = true;
  }
  return any;
}

void MpiBackend::handle_handed_back(int source, std::string_view bytes) {
  // Every argument came inline (hand_back_locked): no blob cache is read.
  BlobLru none(0);
  std::uint64_t reused = 0, saved = 0;
  WorkerTask t = decode_task(bytes, none, reused, saved);
  std::lock_guard lock(mutex_);
  split_asked_[static_cast<std::size_t>(source)] = 0; // answered
  handed_back_.push_back({source, std::move(t)});
  cv_.notify_all();
}

bool MpiBackend::run_handed_back(std::unique_lock<std::mutex> &lock) {
  if (handed_back_.empty())
    return false;
  HandedBack h = std::move(handed_back_.front());
  handed_back_.pop_front();
  lock.unlock();
  // The branch's flags go back to the worker with its result; this thread
  // keeps its own (it may be in the middle of a branch of its own).
  std::fexcept_t own{};
  std::fegetexceptflag(&own, FE_ALL_EXCEPT);
  std::uint64_t busy = 0;
  std::string bytes = execute(h.task, busy);
  std::fesetexceptflag(&own, FE_ALL_EXCEPT);
  lock.lock();
  ++handed_back_runs_;
  outbox_.push_back({h.worker, kTagResult, std::move(bytes)});
  wake_comm_locked();
  return true;
}

} // namespace purecc::mpi
