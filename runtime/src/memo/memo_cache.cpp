// The in-process memo tier (purecc/memo_cache.h): sharded LRU lists under a
// global byte budget, plus the single-flight table of computations in progress.
#include "purecc/memo_cache.h"

#include "purecc/scheduler.h"
#include "purecc/wait_graph.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <list>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

namespace purecc {

class MemoCache::Flight {
public:
  explicit Flight(std::thread::id owner) : owner_(owner), owner_slot_(detail::this_thread_slot()) {}
  std::thread::id owner() const noexcept { return owner_; }

  /// Ends the flight: with a value (copied for waiters), or without one —
  /// abandoned, or fulfilled with nobody left to receive it.
  void finish(const std::string *value, std::uint64_t cost_ns, bool fulfilled = false,
              std::exception_ptr error = nullptr) {
    {
      std::lock_guard lock(mutex_);
      if (value) {
        value_ = *value;
        cost_ns_ = cost_ns;
      }
      error_ = std::move(error);
      state_ = value || fulfilled ? State::done : State::failed;
      ended_.store(true, std::memory_order_release);
    }
    cv_.notify_all();
  }
  bool wait(std::string &value, std::uint64_t &cost_ns, std::exception_ptr *error) const {
    const int self = detail::this_thread_slot();
    const bool helping = detail::in_own_team();
    std::optional<detail::wait_edge> edge;
    {
      // Record-then-check under one lock, so that of two blocking threads
      // waiting for each other's keys exactly one sees the cycle.
      std::lock_guard lock(check_mutex_);
      edge.emplace(owner_slot_);
      if (!helping && detail::cycle_signature(owner_slot_, self) != 0)
        return false; // the owner (transitively) waits for us: compute instead
    }
    // A thread of a purecc team runs offered branches while it waits, as a
    // joiner does: blocked, it would leave a core idle while work sits on
    // the board. What it picks up may be unrelated to this key and may, in
    // turn, make the owner wait for this thread (a join of a branch it
    // took). So whenever it is idle it looks for a cycle, and computes the
    // value itself once one has stayed unchanged for kStableCycle (see
    // purecc/wait_graph.h for why a cycle seen once is not enough).
    if (helping) {
      struct watch {
        int owner, self;
        std::uint64_t signature = 0;
        std::chrono::steady_clock::time_point since{};
      } w{owner_slot_, self};
      const auto deadlocked = [](void *p) {
        auto &w = *static_cast<watch *>(p);
        const std::uint64_t now_signature = detail::cycle_signature(w.owner, w.self);
        const auto now = std::chrono::steady_clock::now();
        if (now_signature == 0 || now_signature != w.signature) {
          w.signature = now_signature;
          w.since = now;
          return false;
        }
        return now - w.since >= detail::kStableCycle;
      };
      if (!detail::help_until(ended_, deadlocked, &w))
        return false;
    }
    std::unique_lock lock(mutex_);
    cv_.wait(lock, [&] { return state_ != State::running; });
    if (state_ == State::failed) {
      if (error)
        *error = error_;
      return false;
    }
    value = value_;
    cost_ns = cost_ns_;
    return true;
  }

private:
  static inline std::mutex check_mutex_; // see wait()

  enum class State { running, done, failed };
  const std::thread::id owner_;
  const int owner_slot_; // the owner's slot in the wait graph
  mutable std::mutex mutex_;
  mutable std::condition_variable cv_;
  State state_ = State::running;
  std::atomic<bool> ended_{false}; // state_ != running, readable without the lock
  std::string value_;
  std::uint64_t cost_ns_ = 0;
  std::exception_ptr error_; // what the owner's body threw, if it threw
};

struct alignas(64) MemoCache::Shard {
  struct Entry {
    MemoKey key;
    std::string value;
    std::uint64_t cost_ns;
    std::uint64_t charge() const noexcept { return value.size() + kEntryOverhead; }
  };
  std::mutex mutex;
  std::list<Entry> lru; // front = most recently used
  std::unordered_map<MemoKey, std::list<Entry>::iterator, Hash128Hasher> index;
  std::unordered_map<MemoKey, std::shared_ptr<Flight>, Hash128Hasher> flights;
};

MemoCache::MemoCache(std::uint64_t budget_bytes, unsigned shard_count)
    : budget_(budget_bytes), shard_count_(shard_count == 0 ? 1 : shard_count),
      shards_(new Shard[shard_count_]) {}

MemoCache::~MemoCache() = default;

MemoCache::Shard &MemoCache::shard_for(const MemoKey &key) noexcept {
  return shards_[key.hi % shard_count_];
}

MemoCache::Probe MemoCache::acquire(const MemoKey &key, std::string &value) {
  Shard &s = shard_for(key);
  std::lock_guard lock(s.mutex);
  if (auto it = s.index.find(key); it != s.index.end()) {
    s.lru.splice(s.lru.begin(), s.lru, it->second);
    value.assign(it->second->value);
    return Probe{Outcome::hit, it->second->cost_ns, nullptr};
  }
  const auto self = std::this_thread::get_id();
  if (auto it = s.flights.find(key); it != s.flights.end()) {
    // The owner waiting for itself would deadlock: a nested call with the
    // same key on the same thread computes inline instead.
    const Outcome o = it->second->owner() == self ? Outcome::reentrant : Outcome::in_flight;
    return Probe{o, 0, it->second};
  }
  auto flight = std::make_shared<Flight>(self);
  s.flights.emplace(key, flight);
  return Probe{Outcome::claimed, 0, std::move(flight)};
}

bool MemoCache::wait(const Flight &flight, std::string &value, std::uint64_t &cost_ns,
                     std::exception_ptr *error) {
  return flight.wait(value, cost_ns, error);
}

void MemoCache::fulfil(const MemoKey &key, const std::shared_ptr<Flight> &flight, std::string value,
                       std::uint64_t cost_ns) {
  Shard &s = shard_for(key);
  std::unique_lock lock(s.mutex);
  if (auto it = s.flights.find(key); it != s.flights.end() && it->second == flight)
    s.flights.erase(it);
  // Waiters join only through the table, under this lock, so after the
  // erase every other reference is a waiter. They get the value from the
  // flight itself (even if the budget is too small to keep it), and the
  // copy is skipped when nobody waits.
  if (flight.use_count() > 1)
    flight->finish(&value, cost_ns);
  else
    flight->finish(nullptr, 0, /*fulfilled=*/true);
  store(s, key, std::move(value), cost_ns);
  const bool over = bytes_.load(std::memory_order_relaxed) > budget_;
  lock.unlock();
  if (over)
    evict_elsewhere(s);
}

void MemoCache::abandon(const MemoKey &key, const std::shared_ptr<Flight> &flight) noexcept {
  Shard &s = shard_for(key);
  {
    std::lock_guard lock(s.mutex);
    if (auto it = s.flights.find(key); it != s.flights.end() && it->second == flight)
      s.flights.erase(it);
  }
  flight->finish(nullptr, 0);
}

void MemoCache::fail(const MemoKey &key, const std::shared_ptr<Flight> &flight,
                     std::exception_ptr error) noexcept {
  Shard &s = shard_for(key);
  {
    std::lock_guard lock(s.mutex);
    if (auto it = s.flights.find(key); it != s.flights.end() && it->second == flight)
      s.flights.erase(it);
  }
  flight->finish(nullptr, 0, /*fulfilled=*/false, std::move(error));
}

void MemoCache::insert(const MemoKey &key, std::string value, std::uint64_t cost_ns) {
  Shard &s = shard_for(key);
  std::unique_lock lock(s.mutex);
  store(s, key, std::move(value), cost_ns);
  const bool over = bytes_.load(std::memory_order_relaxed) > budget_;
  lock.unlock();
  if (over)
    evict_elsewhere(s);
}

// Called with s.mutex held. Evicts from s itself first (cheap: lock held).
void MemoCache::store(Shard &s, const MemoKey &key, std::string value, std::uint64_t cost_ns) {
  const std::uint64_t charge = value.size() + kEntryOverhead;
  if (charge > budget_ || s.index.count(key) != 0)
    return;
  s.lru.push_front(Shard::Entry{key, std::move(value), cost_ns});
  s.index.emplace(key, s.lru.begin());
  bytes_.fetch_add(charge, std::memory_order_relaxed);
  entries_.fetch_add(1, std::memory_order_relaxed);
  while (bytes_.load(std::memory_order_relaxed) > budget_ && s.lru.size() > 1)
    evict_oldest(s);
}

// Called with s.mutex held and s not empty: drops s's least recently used
// entry and takes it off the budget.
void MemoCache::evict_oldest(Shard &s) {
  const Shard::Entry &victim = s.lru.back();
  bytes_.fetch_sub(victim.charge(), std::memory_order_relaxed);
  entries_.fetch_sub(1, std::memory_order_relaxed);
  evictions_.fetch_add(1, std::memory_order_relaxed);
  s.index.erase(victim.key);
  s.lru.pop_back();
}

// The inserting shard held only the new entry: take the oldest entries of
// the other shards, round-robin, one lock at a time (no lock ordering issues).
void MemoCache::evict_elsewhere(const Shard &except) {
  unsigned empty_in_a_row = 0;
  while (bytes_.load(std::memory_order_relaxed) > budget_ && empty_in_a_row < shard_count_) {
    Shard &s = shards_[next_victim_.fetch_add(1, std::memory_order_relaxed) % shard_count_];
    if (&s == &except) {
      ++empty_in_a_row;
      continue;
    }
    std::lock_guard lock(s.mutex);
    if (s.lru.empty()) {
      ++empty_in_a_row;
      continue;
    }
    empty_in_a_row = 0;
    evict_oldest(s);
  }
}

} // namespace purecc
