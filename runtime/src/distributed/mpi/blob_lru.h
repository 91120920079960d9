// blob_lru.h — the bounded cache of large arguments, and rank 0's mirror of it.
//
// Why a mirror: rank 0 must know whether a worker still holds a blob to
// send only its XXH3-128 hash. Both sides run this same LRU over the same
// sequence of operations — rank 0 when it sends a task, the worker when it
// receives it (MPI keeps one sender's messages in order) — so their
// contents agree without any acknowledgement. Rank 0 keeps sizes only.
//
// Usage:
//   purecc::mpi::BlobLru lru(1 << 30);
//   if (!lru.touch(h)) lru.insert(h, bytes.size(), bytes);
#pragma once

#include "purecc/memo_key.h"

#include <cstdint>
#include <list>
#include <string>
#include <unordered_map>

namespace purecc::mpi {

class BlobLru {
public:
  explicit BlobLru(std::uint64_t capacity) : capacity_(capacity) {}
  /// Whether a blob of `size` bytes is cached at all (larger ones travel inline).
  bool cacheable(std::uint64_t size) const noexcept { return size <= capacity_; }
  /// Marks `h` most recently used; false if absent.
  bool touch(const Hash128 &h) {
    auto it = index_.find(h);
    if (it == index_.end())
      return false;
    order_.splice(order_.begin(), order_, it->second);
    return true;
  }
  /// The bytes of `h` (worker side), or nullptr.
  const std::string *bytes(const Hash128 &h) const {
    auto it = index_.find(h);
    return it == index_.end() ? nullptr : &it->second->data;
  }
  /// Adds `h` as most recently used and evicts least recently used blobs
  /// until the total fits (the new one always stays).
  void insert(const Hash128 &h, std::uint64_t size, std::string data = {}) {
    if (touch(h))
      return;
    order_.push_front({h, size, std::move(data)});
    index_.emplace(h, order_.begin());
    total_ += size;
    while (total_ > capacity_ && order_.size() > 1) {
      total_ -= order_.back().size;
      index_.erase(order_.back().hash);
      order_.pop_back();
    }
  }

private:
  struct Blob {
    Hash128 hash;
    std::uint64_t size;
    std::string data;
  };
  std::uint64_t capacity_;
  std::uint64_t total_ = 0;
  std::list<Blob> order_; // front = most recently used
  std::unordered_map<Hash128, std::list<Blob>::iterator, Hash128Hasher> index_;
};

} // namespace purecc::mpi
