// The worker loop of ranks > 0 (see worker.h): decoding task messages,
// running the nodes one after another, and sending results and, at the
// end, this rank's statistics.
#include "worker.h"

#include "wire.h"

#include "purecc/range_tree.h"
#include "purecc/serialize.h"
#include "purecc/shipped_flags.h"
#include "purecc/shipped_rounding.h"

#include <algorithm>
#include <cfenv>
#include <mutex>
#include <optional>
#include <stdexcept>

namespace purecc::mpi {

// ---- ranks > 0 ------------------------------------------------------------------------------

WorkerTask decode_task(std::string_view bytes, BlobLru &blobs, std::uint64_t &blobs_reused,
                       std::uint64_t &blob_bytes_saved) {
  ByteReader r(bytes);
  WorkerTask t{};
  std::size_t parts = 0;
  std::uint8_t rounding = 0;
  std::optional<int> mode;
  if (!r.uint(t.ticket) || !r.read(t.id) || !r.read(t.begin) || !r.read(t.end) ||
      !r.read(t.leaf) || !r.uint(rounding) || !r.uint(t.width) || !r.count(parts))
    t.error = "malformed task message";
  else if (!(mode = decode_rounding(rounding)))
    t.error = "task message names no rounding mode (code " + std::to_string(rounding) + ")";
  t.rounding = mode.value_or(FE_TONEAREST);
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
        blobs.insert(h, data.size(), std::string(data));
        t.args.append(data);
      } else {
        t.error = "malformed task message";
      }
    } else if (blobs.touch(h)) {
      const std::string *blob = blobs.bytes(h);
      t.args.append(*blob);
      ++blobs_reused;
      blob_bytes_saved += blob->size();
    } else {
      t.error = "argument blob " + h.hex() + " is not in this rank's cache";
    }
  }
  // Bytes left over: a message of another layout (the start-up check
  // compares protocol versions; this catches what slips through).
  if (t.error.empty() && !r.at_end())
    t.error = "malformed task message";
  return t;
}

std::string MpiBackend::execute(const WorkerTask &t, std::uint64_t &busy_ns) {
  const auto start = std::chrono::steady_clock::now();
  std::string result, what;
  bool ok = false;
  // The flags this task raises go back with its result (shipped_flags.h):
  // it starts from none, whatever the previous task left on this thread.
  std::feclearexcept(FE_ALL_EXCEPT);
  try {
    if (!t.error.empty())
      throw std::runtime_error("purecc: " + t.error);
    const TaskEntry *entry = TaskRegistry::find(t.id);
    if (!entry)
      throw std::runtime_error("purecc: task '" + t.id + "' is not registered on this rank");
    NodeScope scope;
    // The caller's rounding mode, and this rank's own again afterwards
    // (also when the task throws): the next task may come from a caller
    // under another mode.
    rounding_scope under(t.rounding);
    // A branch rank 0 shipped runs at its width on its worker: its own
    // parallel calls offer their branches, one of which the worker may
    // hand back (serve() opens the offers). A branch handed back to rank
    // 0 stays a node there: it is a piece already, nothing in it travels.
    std::optional<detail::call_width_scope> width;
    if (t.width != 0 && rank_ != 0)
      width.emplace(t.width);
    result = entry->run(t.args, t.begin, t.end, t.leaf);
    ok = true;
  } catch (...) {
    detail::exception_description d = detail::describe_current_exception();
    result = std::move(d.type_name);
    what = std::move(d.what);
  }
  // Read at once: nothing this thread does for itself counts as the task's.
  const int raised = std::fetestexcept(FE_ALL_EXCEPT);
  busy_ns = now_ns(start);
  if (ok && result.size() > kMaxMessage - 1024) {
    ok = false;
    what = "purecc: a node result of " + std::to_string(result.size()) +
           " bytes exceeds the largest MPI message (2 GiB); use a larger range split or a smaller result";
    result = "std::length_error";
  }
  std::string bytes;
  ByteWriter w(bytes);
  write_result(w, {t.ticket, busy_ns, encode_fp_flags(raised), ok, std::move(result), std::move(what)});
  return bytes;
}

void MpiBackend::handle_task(std::string_view bytes) {
  std::uint64_t reused = 0, saved = 0;
  WorkerTask t = decode_task(bytes, *blobs_, reused, saved);
  blobs_reused_ += reused;
  blob_bytes_saved_ += saved;
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
    if (rank_ != 0)
      hand_back_locked(out);
    send_stats = executor_done_ && !stats_sent_;
  }
  for (Outgoing &o : out)
    post(o.dest, o.tag, std::move(o.bytes));
  if (send_stats) {
    RankStats s;
    s.tasks = tasks_;
    s.busy_ns = busy_ns_;
    s.wall_ns = now_ns(started_);
    // flush_outbox runs on the communication thread: its own CPU time.
    s.comm_cpu_ns = thread_cpu_ns() - comm_cpu_start_ns_;
    s.comm_waits = thread_sleeps() - comm_waits_start_;
    s.received = received_;
    s.cpu_ns = process_cpu_ns() - cpu_start_ns_;
    s.task_cpu_ns = task_cpu_ns_;
    s.messages_sent = messages_sent_ + 1; // this message included
    s.messages_received = messages_received_;
    s.blobs_reused = blobs_reused_;
    s.blob_bytes_saved = blob_bytes_saved_;
    {
      std::lock_guard lock(mutex_);
      s.handed_back = handed_back_sent_;
    }
    std::string bytes;
    ByteWriter w(bytes);
    s.sent = sent_ + kStatsBytes; // this message included
    write_stats(w, s);
    post(0, kTagStats, std::move(bytes));
    std::lock_guard lock(mutex_);
    stats_sent_ = true;
  }
  return !out.empty() || send_stats;
}

// ---- handing back (a worker) ---------------------------------------------------------------

void MpiBackend::handle_split(std::string_view bytes) {
  ByteReader r(bytes);
  std::uint64_t ticket = 0;
  if (!r.uint(ticket) || !r.at_end())
    return;
  std::lock_guard lock(mutex_);
  // For the branch running now, or for one still queued (rank 0 asks as
  // soon as it waits, often right behind the task message). A request for
  // a branch that has ended (its result crossed the request) never matches
  // again: tickets are not reused.
  split_for_ = ticket;
}

bool MpiBackend::hand_back_locked(std::deque<Outgoing> &out) {
  if (split_for_ == 0 || split_for_ != running_call_ || handed_out_ != 0 || call_board_.empty())
    return false; // an offer made later wakes this thread (offer_call)
  // The offer nearest the root of the branch (the narrowest width, the
  // leftmost of equals): the largest piece there is.
  auto best = call_board_.begin();
  for (auto it = call_board_.begin(); it != call_board_.end(); ++it)
    if ((*it)->width < (*best)->width)
      best = it;
  CallOffer *o = *best;
  call_board_.erase(best);
  o->state = CallOffer::State::shipped;
  const std::uint64_t ticket = next_ticket_++;
  tickets_[ticket] = {0, 0, 0, o};
  handed_out_ = ticket;
  handed_out_since_ = std::chrono::steady_clock::now();
  split_for_ = 0;
  handed_back_from_ = running_call_;
  ++handed_back_sent_;
  cv_.notify_all(); // a thread may wait for this (Settings::await_split)
  // Every argument inline: rank 0 keeps no blob cache of a worker's.
  out.push_back({0, kTagTask, encode_task(o->job, {}, nullptr, ticket, 0, 0, o->width)});
  return true;
}

void MpiBackend::handle_handed_back_result(std::string_view bytes) {
  ResultMessage m;
  if (!read_result(bytes, m))
    return; // cannot happen between consistent builds
  std::lock_guard lock(mutex_);
  auto it = tickets_.find(m.ticket);
  if (it == tickets_.end() || !it->second.call)
    return;
  CallOffer *o = it->second.call;
  tickets_.erase(it);
  handed_out_ = 0;
  handed_busy_ns_ += m.busy_ns;
  ++handed_done_;
  // Not persisted: resume records are rank 0's own shipments only.
  if (m.ok)
    o->result = std::move(m.payload);
  else
    o->error = detail::make_remote_exception({std::move(m.payload), std::move(m.what)}, 0, hosts_[0]);
  o->fp_flags = *decode_fp_flags(m.fp_flags);
  o->state = CallOffer::State::done;
  cv_.notify_all();
}

void MpiBackend::serve() {
  // This rank's parallel calls offer to this backend while it runs a
  // branch for rank 0 (g_call_offer_width is 0 otherwise).
  set_call_cluster(this);
  while (true) {
    WorkerTask t;
    {
      std::unique_lock lock(mutex_);
      cv_.wait(lock, [&] { return !queue_.empty() || stop_received_; });
      if (queue_.empty())
        break;
      t = std::move(queue_.front());
      queue_.pop_front();
      executing_ = true;
      node_started_ = std::chrono::steady_clock::now();
      if (t.width != 0 && t.error.empty()) {
        // A parallel-call branch: its own calls offer their branches down
        // to kOfferSpan times its width (as rank 0 offers below the first
        // width that travels), so that this rank can hand one back when
        // rank 0 runs out of work (kTagSplit).
        running_call_ = t.ticket;
        detail::g_call_offer_width.store(detail::call_width_times(t.width, kOfferSpan),
                                         std::memory_order_relaxed);
      }
      if (t.id != estimate_task_) {
        estimate_task_ = t.id;
        estimate_busy_ns_ = estimate_elements_ = 0;
      }
      // A parallel-call branch is one element (its node is (0, 0)).
      const std::uint64_t elements = std::max<std::uint64_t>(1, detail::range_length(t.begin, t.end));
      node_estimate_ns_ = estimate_elements_ == 0
                              ? -1
                              : static_cast<std::int64_t>(static_cast<double>(estimate_busy_ns_) *
                                                          static_cast<double>(elements) /
                                                          static_cast<double>(estimate_elements_));
    }
    const std::uint64_t cpu_start = process_cpu_ns();
    std::uint64_t busy = 0;
    std::string bytes = execute(t, busy);
    task_cpu_ns_ += process_cpu_ns() - cpu_start;
    tasks_ += 1;
    busy_ns_ += busy;
    std::lock_guard lock(mutex_);
    executing_ = false;
    if (running_call_ != 0) {
      // Every branch it handed back has come back (the branch waited for
      // them), and its offers are gone.
      running_call_ = 0;
      detail::g_call_offer_width.store(0, std::memory_order_relaxed);
    }
    estimate_busy_ns_ += busy;
    estimate_elements_ += std::max<std::uint64_t>(1, detail::range_length(t.begin, t.end));
    outbox_.push_back({0, kTagResult, std::move(bytes)});
    wake_comm_locked();
  }
  set_call_cluster(nullptr);
  {
    std::lock_guard lock(mutex_);
    executor_done_ = true;
    wake_comm_locked();
  }
  comm_.join();
}

} // namespace purecc::mpi
