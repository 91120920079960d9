// WaitGraph.cpp — the slots and edges of purecc/wait_graph.h.
#include "purecc/wait_graph.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>

namespace purecc::detail {

namespace {

constexpr int kSlots = 4096;

// g_edge[s], written only by the thread holding slot s: the sequence number
// of its latest change in the high 32 bits, 1 + the slot it waits for (0:
// none) in the low ones, so that the table starts zero-initialised before
// any constructor runs. Sequentially consistent: of two threads that record
// crossed edges and then walk, at least one sees the other's edge.
constinit std::array<std::atomic<std::uint64_t>, kSlots> g_edge{};

int target_of(std::uint64_t word) noexcept { return static_cast<int>(word & 0xFFFFFFFFu) - 1; }

// Points slot s's edge at `target` (-1: none) with the next sequence number.
void set_edge(int s, int target) noexcept {
  std::atomic<std::uint64_t>& e = g_edge[static_cast<unsigned>(s)];
  const std::uint64_t sequence = (e.load(std::memory_order_relaxed) >> 32) + 1;
  e.store(sequence << 32 | static_cast<std::uint32_t>(target + 1));
}

// Slots handed out so far (a high-water mark, may pass kSlots when that many
// threads live at once); walks never go further than this many steps.
std::atomic<int> g_slots_used{0};

// Which slots belong to a live thread. Only trivially destructible atomics
// here: threads end, and give their slot back, while the program's static
// objects are being destroyed (libomp joins its workers from an atexit
// handler); a std::vector free list freed at that point corrupted the heap.
constinit std::array<std::atomic<bool>, kSlots> g_taken{};

int take_slot() noexcept {
  for (;;) {
    const int used = std::min(g_slots_used.load(), kSlots);
    for (int s = 0; s < used; ++s)  // reuse an ended thread's slot first
      if (!g_taken[static_cast<unsigned>(s)].load(std::memory_order_relaxed) &&
          !g_taken[static_cast<unsigned>(s)].exchange(true))
        return s;
    const int s = g_slots_used.fetch_add(1);
    if (s >= kSlots) return -1;
    // Between the fetch_add and here a thread scanning for an ended
    // thread's slot sees s counted and not taken, and may take it: two
    // threads sharing a slot saw their own edge as a cycle. Whoever
    // exchanges first owns s; the other one looks again.
    if (!g_taken[static_cast<unsigned>(s)].exchange(true)) return s;
  }
}

class slot_holder {
 public:
  slot_holder() noexcept : slot_(take_slot()) {}
  ~slot_holder() {
    if (slot_ < 0) return;
    set_edge(slot_, -1);
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

wait_edge::wait_edge(int target) noexcept : self_(this_thread_slot()), previous_target_(-1) {
  if (self_ < 0) return;
  previous_target_ = target_of(g_edge[static_cast<unsigned>(self_)].load());
  set_edge(self_, target);
}

wait_edge::~wait_edge() {
  if (self_ >= 0) set_edge(self_, previous_target_);
}

std::uint64_t cycle_signature(int from, int self) noexcept {
  if (self < 0) return 0;
  const int limit = std::min(g_slots_used.load(), kSlots);
  std::uint64_t digest = 0x9E3779B97F4A7C15u;
  int t = from;
  // A chain longer than the number of slots has repeated one: a cycle that
  // does not pass through `self`.
  for (int steps = 0; t >= 0 && steps <= limit; ++steps) {
    if (t == self) return digest | 1;
    const std::uint64_t word = g_edge[static_cast<unsigned>(t)].load();
    digest = (digest ^ word ^ static_cast<std::uint64_t>(t)) * 0x100000001B3u;
    t = target_of(word);
  }
  return 0;
}

}  // namespace purecc::detail
