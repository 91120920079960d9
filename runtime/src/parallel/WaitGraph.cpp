// WaitGraph.cpp — the slots and edges of purecc/wait_graph.h.
#include "purecc/wait_graph.h"

#include <array>
#include <atomic>
#include <mutex>
#include <vector>

namespace purecc::detail {

namespace {

constexpr int kSlots = 4096;

// g_edge[s]: 1 + the slot thread s waits for, or 0 (so that the table
// starts zero-initialised, before any constructor runs). Sequentially
// consistent: of two threads that record crossed edges and then walk, at
// least one sees the other's edge.
constinit std::array<std::atomic<int>, kSlots> g_edge{};

// Slots handed out so far; walks never go further than this many steps.
std::atomic<int> g_slots_used{0};

// Slots of ended threads, reused before new ones are handed out.
std::mutex g_free_mutex;
std::vector<int> g_free;

class slot_holder {
 public:
  slot_holder() noexcept {
    {
      std::lock_guard lock(g_free_mutex);
      if (!g_free.empty()) {
        slot_ = g_free.back();
        g_free.pop_back();
        return;
      }
    }
    int s = g_slots_used.load(std::memory_order_relaxed);
    while (s < kSlots && !g_slots_used.compare_exchange_weak(s, s + 1)) {
    }
    slot_ = s < kSlots ? s : -1;
  }
  ~slot_holder() {
    if (slot_ < 0) return;
    g_edge[static_cast<unsigned>(slot_)].store(0);
    std::lock_guard lock(g_free_mutex);
    g_free.push_back(slot_);
  }
  slot_holder(const slot_holder&) = delete;
  slot_holder& operator=(const slot_holder&) = delete;
  int slot() const noexcept { return slot_; }

 private:
  int slot_ = -1;
};

}  // namespace

int this_thread_slot() noexcept {
  thread_local slot_holder holder;
  return holder.slot();
}

wait_edge::wait_edge(int target) noexcept : self_(this_thread_slot()), previous_(0) {
  if (self_ >= 0) previous_ = g_edge[static_cast<unsigned>(self_)].exchange(target + 1);
}

wait_edge::~wait_edge() {
  if (self_ >= 0) g_edge[static_cast<unsigned>(self_)].store(previous_);
}

bool waits_reach(int from, int self) noexcept {
  if (self < 0) return false;
  const int limit = g_slots_used.load();
  int t = from;
  // A chain longer than the number of slots has repeated one: a cycle that
  // does not pass through `self`.
  for (int steps = 0; t >= 0 && steps <= limit; ++steps) {
    if (t == self) return true;
    t = g_edge[static_cast<unsigned>(t)].load() - 1;
  }
  return false;
}

}  // namespace purecc::detail
