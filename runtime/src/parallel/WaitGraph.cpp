// WaitGraph.cpp — the slots and edges of purecc/wait_graph.h.
#include "purecc/wait_graph.h"

#include <algorithm>
#include <array>
#include <atomic>

namespace purecc::detail {

namespace {

constexpr int kSlots = 4096;

// g_edge[s]: 1 + the slot thread s waits for, or 0 (so that the table
// starts zero-initialised, before any constructor runs). Sequentially
// consistent: of two threads that record crossed edges and then walk, at
// least one sees the other's edge.
constinit std::array<std::atomic<int>, kSlots> g_edge{};

// Slots handed out so far (a high-water mark, may pass kSlots when that many
// threads live at once); walks never go further than this many steps.
std::atomic<int> g_slots_used{0};

// Which slots belong to a live thread. Only trivially destructible atomics
// here: threads end, and give their slot back, while the program's static
// objects are being destroyed (libomp joins its workers from an atexit
// handler); a std::vector free list freed at that point corrupted the heap.
constinit std::array<std::atomic<bool>, kSlots> g_taken{};

int take_slot() noexcept {
  const int used = std::min(g_slots_used.load(), kSlots);
  for (int s = 0; s < used; ++s)  // reuse an ended thread's slot first
    if (!g_taken[static_cast<unsigned>(s)].load(std::memory_order_relaxed) &&
        !g_taken[static_cast<unsigned>(s)].exchange(true))
      return s;
  const int s = g_slots_used.fetch_add(1);
  if (s >= kSlots) return -1;
  g_taken[static_cast<unsigned>(s)].store(true);
  return s;
}

class slot_holder {
 public:
  slot_holder() noexcept : slot_(take_slot()) {}
  ~slot_holder() {
    if (slot_ < 0) return;
    g_edge[static_cast<unsigned>(slot_)].store(0);
    g_taken[static_cast<unsigned>(slot_)].store(false);
  }
  slot_holder(const slot_holder&) = delete;
  slot_holder& operator=(const slot_holder&) = delete;
  int slot() const noexcept { return slot_; }

 private:
  const int slot_;
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
  const int limit = std::min(g_slots_used.load(), kSlots);
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
