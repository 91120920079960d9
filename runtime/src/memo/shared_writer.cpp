// The shared memo tier's writer thread (purecc/shared_store.h): callers
// only queue results; this thread builds and signs their entries and sends
// them as pipelined SET NX batches, so the hot path never waits for the
// network or the HMAC.
#include "shared_store_impl.h"

namespace purecc {

bool SharedStore::Impl::enqueue(QueuedPut put) {
  std::unique_lock lock(queue_mutex);
  if (stopping)
    return false;
  queued_bytes += put.value.size();
  const bool first = queue.empty();
  if (first)
    oldest_queued = std::chrono::steady_clock::now();
  queue.push_back(std::move(put));
  ++enqueued;
  // The first put starts the writer's clock; a full batch sends at once.
  if (first || queue.size() >= kBatchOps || queued_bytes >= kBatchBytes)
    queue_cv.notify_all();
  if (queued_bytes >= kMaxQueuedBytes) {
    const std::uint64_t target = enqueued;
    written_cv.wait(lock, [&] { return written >= target || stopped; });
  }
  return true;
}

void SharedStore::Impl::flush() {
  std::unique_lock lock(queue_mutex);
  if (stopped)
    return;
  const std::uint64_t target = enqueued;
  flush_now = true;
  queue_cv.notify_all();
  written_cv.wait(lock, [&] { return written >= target || stopped; });
}

void SharedStore::Impl::stop() {
  {
    std::lock_guard lock(queue_mutex);
    if (stopping && !writer.joinable())
      return;
    stopping = true;
  }
  queue_cv.notify_all();
  if (writer.joinable())
    writer.join();
}

void SharedStore::Impl::writer_loop() {
  for (;;) {
    std::vector<QueuedPut> batch;
    std::uint64_t upto = 0;
    bool last = false;
    {
      std::unique_lock lock(queue_mutex);
      auto urgent = [&] {
        return stopping || flush_now || queue.size() >= kBatchOps || queued_bytes >= kBatchBytes;
      };
      queue_cv.wait(lock, [&] { return urgent() || !queue.empty(); });
      queue_cv.wait_until(lock, oldest_queued + options.flush_interval, urgent);
      batch.swap(queue);
      queued_bytes = 0;
      upto = enqueued;
      flush_now = false;
      last = stopping;
    }
    send(batch);
    {
      std::lock_guard lock(queue_mutex);
      written = upto;
      if (last)
        stopped = true;
    }
    written_cv.notify_all();
    if (last)
      return;
  }
}

void SharedStore::Impl::send(const std::vector<QueuedPut> &batch) {
  std::size_t i = 0;
  while (i < batch.size()) {
    if (!wconn && may_try()) {
      std::string error;
      wconn = connect(error);
      if (!wconn)
        mark_down(error);
      else
        mark_up();
    }
    if (!wconn) {
      dropped.fetch_add(batch.size() - i, std::memory_order_relaxed);
      return;
    }
    SigpipeGuard guard;
    std::size_t end = i, bytes = 0;
    for (; end < batch.size() && end - i < kBatchOps && (end == i || bytes < kBatchBytes); ++end) {
      const QueuedPut &p = batch[end];
      const std::string rkey = redis_key(p.key);
      const std::string entry = encode(rkey, p.key, p.value, p.cost_ns);
      bytes += entry.size();
      redisAppendCommand(wconn.get(), "SET %b %b NX", rkey.data(), rkey.size(), entry.data(),
                         entry.size());
    }
    for (std::size_t k = i; k < end; ++k) {
      void *raw = nullptr;
      if (redisGetReply(wconn.get(), &raw) != REDIS_OK || !raw) {
        mark_down(wconn->errstr[0] ? wconn->errstr : "no reply");
        wconn.reset();
        dropped.fetch_add(batch.size() - k, std::memory_order_relaxed);
        return;
      }
      Reply r(static_cast<redisReply *>(raw));
      if (r->type == REDIS_REPLY_STATUS)
        writes.fetch_add(1, std::memory_order_relaxed);
      else if (r->type == REDIS_REPLY_NIL)
        existing.fetch_add(1, std::memory_order_relaxed);
      else {
        dropped.fetch_add(1, std::memory_order_relaxed);
        if (r->type == REDIS_REPLY_ERROR)
          warn_once(warned_server, "the shared memo cache PURECC_CACHE_REDIS='" +
                                       options.address.display() + "' refused a write: " +
                                       reply_text(r.get()));
      }
    }
    i = end;
  }
}

} // namespace purecc
