// batch_queue.h — the queue between a memo tier's callers and its writer
// thread (the disk tier's SQLite writer, the shared tier's Redis writer).
//
// Why: the hot path must never wait for a disk, a lock of another process
// or the network, so callers only push; one writer thread takes what is
// queued as a batch (one transaction, one pipeline). It takes it at once
// when the batch is full (items or bytes), when someone flushes, wakes or
// stops the queue; otherwise once the oldest item has waited the flush
// interval, counted from when that item was queued (not from when the
// writer got to run), so that nothing waits longer than that plus the
// batches before it. Past max_queued_bytes a push waits for the writer
// instead of letting memory grow without bound.
//
//   batch_queue<Op> q({/*batch_items=*/256, /*batch_bytes=*/16 << 20,
//                      /*max_queued_bytes=*/128 << 20});
//   q.push(op, op.value.size());                    // any thread
//   for (;;) {                                      // the writer thread
//     batch_queue<Op>::batch b = q.take(interval);
//     write(b.items);
//     q.done(b);
//     if (b.last) break;
//   }
//   q.stop(); writer.join();                        // the owner, at the end
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <vector>

namespace purecc {

template <class T>
class batch_queue {
public:
  struct limits {
    std::size_t batch_items;      // this many queued items make a batch at once
    std::size_t batch_bytes;      // ... or this many queued bytes
    std::size_t max_queued_bytes; // past this, push() waits for the writer
  };
  struct batch {
    std::vector<T> items;
    std::uint64_t upto = 0; // done(batch): every item pushed before is handled
    bool last = false;      // the queue is stopping: the writer ends after this one
  };

  explicit batch_queue(limits l) : limits_(l) {}

  /// Queues `item`, which carries `bytes` bytes of payload. False once the
  /// queue is stopping (the item is dropped). Waits while more than
  /// max_queued_bytes are queued, until the writer has handled them.
  bool push(T item, std::size_t bytes) {
    std::unique_lock lock(mutex_);
    if (stopping_)
      return false;
    queued_bytes_ += bytes;
    const bool first = items_.empty();
    if (first)
      oldest_ = std::chrono::steady_clock::now();
    items_.push_back(std::move(item));
    ++pushed_;
    // The first item starts the writer's clock (it sleeps while the queue
    // is empty: without this wake-up, items queued after a batch would wait
    // for the next full batch or for exit, however long that took).
    if (first || items_.size() >= limits_.batch_items || queued_bytes_ >= limits_.batch_bytes)
      queue_cv_.notify_all();
    if (queued_bytes_ >= limits_.max_queued_bytes) {
      const std::uint64_t target = pushed_;
      handled_cv_.wait(lock, [&] { return handled_ >= target || stopped_; });
    }
    return true;
  }

  /// Waits until every item pushed before the call has been handled (at
  /// once if the writer has stopped).
  void flush() {
    std::unique_lock lock(mutex_);
    if (stopped_)
      return;
    const std::uint64_t target = pushed_;
    flush_now_ = true;
    queue_cv_.notify_all();
    handled_cv_.wait(lock, [&] { return handled_ >= target || stopped_; });
  }

  /// Makes the writer take what is queued now, without waiting for it.
  void wake() {
    {
      std::lock_guard lock(mutex_);
      flush_now_ = true;
    }
    queue_cv_.notify_all();
  }

  /// From now on pushes are refused; the writer's next batch (with what is
  /// queued) is its last. The owner then joins the writer thread.
  void stop() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    queue_cv_.notify_all();
  }

  /// The writer thread: waits for a batch (see the file comment).
  batch take(std::chrono::steady_clock::duration flush_interval) {
    std::unique_lock lock(mutex_);
    auto urgent = [&] {
      return stopping_ || flush_now_ || items_.size() >= limits_.batch_items ||
             queued_bytes_ >= limits_.batch_bytes;
    };
    queue_cv_.wait(lock, [&] { return urgent() || !items_.empty(); });
    queue_cv_.wait_until(lock, oldest_ + flush_interval, urgent);
    batch b;
    b.items.swap(items_);
    b.upto = pushed_;
    b.last = stopping_;
    queued_bytes_ = 0;
    flush_now_ = false;
    return b;
  }

  /// The writer thread: `b` is written (or dropped); wakes whoever waits.
  void done(const batch &b) {
    {
      std::lock_guard lock(mutex_);
      handled_ = b.upto;
      if (b.last)
        stopped_ = true;
    }
    handled_cv_.notify_all();
  }

private:
  const limits limits_;
  std::mutex mutex_;
  std::condition_variable queue_cv_;   // the writer waits for items
  std::condition_variable handled_cv_; // pushers and flushers wait for the writer
  std::vector<T> items_;
  std::size_t queued_bytes_ = 0;
  std::chrono::steady_clock::time_point oldest_{}; // when the oldest queued item came
  std::uint64_t pushed_ = 0;  // items ever pushed
  std::uint64_t handled_ = 0; // items ever handled by the writer
  bool flush_now_ = false, stopping_ = false, stopped_ = false;
};

} // namespace purecc
