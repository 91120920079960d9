// The shared memo tier's writer thread (purecc/shared_store.h): callers
// only queue results; this thread builds and signs their entries and sends
// them as pipelined SET NX batches, so the hot path never waits for the
// network or the HMAC.
#include "shared_store_impl.h"

namespace purecc {

bool SharedStore::Impl::enqueue(QueuedPut put) {
  const std::size_t bytes = put.value.size();
  return queue.push(std::move(put), bytes);
}

void SharedStore::Impl::flush() { queue.flush(); }

void SharedStore::Impl::stop() {
  queue.stop();
  if (writer.joinable())
    writer.join();
}

void SharedStore::Impl::writer_loop() {
  for (;;) {
    const PutQueue::batch batch = queue.take(options.flush_interval);
    send(batch.items);
    queue.done(batch);
    if (batch.last)
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
      if (get_reply(wconn.get(), &raw) != REDIS_OK || !raw) {
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
