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
      !r.read(t.leaf) || !r.uint(rounding) || !r.count(parts))
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

void MpiBackend::serve() {
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
    const auto start = std::chrono::steady_clock::now();
    const std::uint64_t cpu_start = process_cpu_ns();
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
      result = entry->run(t.args, t.begin, t.end, t.leaf);
      ok = true;
    } catch (...) {
      detail::exception_description d = detail::describe_current_exception();
      result = std::move(d.type_name);
      what = std::move(d.what);
    }
    // Read at once: nothing this thread does for itself counts as the task's.
    const int raised = std::fetestexcept(FE_ALL_EXCEPT);
    const std::uint64_t busy = now_ns(start);
    task_cpu_ns_ += process_cpu_ns() - cpu_start;
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
    write_result(w, {t.ticket, busy, encode_fp_flags(raised), ok, std::move(result), std::move(what)});
    std::lock_guard lock(mutex_);
    executing_ = false;
    estimate_busy_ns_ += busy;
    estimate_elements_ += std::max<std::uint64_t>(1, detail::range_length(t.begin, t.end));
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
