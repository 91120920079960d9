// offer_board.cpp — the offer board of purecc/offer_board.h: the slots,
// offering, withdrawing, taking, and how waiting threads help.
#include "purecc/offer_board.h"

#include "purecc/scheduler.h"
#include "purecc/wait_graph.h"

#include <algorithm>
#include <array>
#include <thread>

#include <time.h>

namespace purecc::detail {

namespace {

// The offer board: where spawners put help_requests for waiting threads.
// Room (capacity - queued) bounds how many are on it at once, so a few
// slots suffice; each sits on its own cache line so that a spawn and a
// take touch only the line of their slot.
struct alignas(64) board_slot {
  std::atomic<help_request*> request{nullptr};
};
std::array<board_slot, kBoardSlots> g_board;
// Slots [0, g_board_used) have ever held a request: takers scan only those.
std::atomic<int> g_board_used{0};

}  // namespace

bool help_once() noexcept {
  int used = g_board_used.load(std::memory_order_acquire);
  for (int i = 0; i < used; ++i) {
    board_slot& slot = g_board[i];
    help_request* r = slot.request.load(std::memory_order_acquire);
    if (r && slot.request.compare_exchange_strong(r, nullptr, std::memory_order_acq_rel)) {
      release_spawn();
      r->taker.store(this_thread_slot(), std::memory_order_release);
      r->run(r);  // sets r->done last; r may be gone afterwards
      return true;
    }
  }
  return false;
}

// Waiting without work: spin briefly (a request usually follows soon), then
// yield, then nap, 20 us at first and longer the longer nothing comes, up
// to 1 ms: a worker idle for a whole second costed 13% of a core with fixed
// 20 us naps, and a new offer after a long quiet spell can wait 1 ms.
void idle_pause(int& misses) noexcept {
  if (misses < (1 << 20)) ++misses;
  if (misses < 512) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
  } else if (misses < 2048) {
    std::this_thread::yield();
  } else {
    long micros = std::min(1000L, 20L + (misses - 2048) / 4);
    timespec nap{0, micros * 1000};
    nanosleep(&nap, nullptr);
  }
}

bool help_until(const std::atomic<bool>& flag, bool (*give_up)(void*),
                void* ctx) noexcept {
  int misses = 0;
  while (!flag.load(std::memory_order_acquire)) {
    // A request runs on top of what this thread's stack holds already: a
    // waiting thread deep in its stack (a pure function's 3.6 MB frame, and
    // the request another such call) would hold two frames the serial
    // program holds one at a time (adv35 t06). Such a thread only waits;
    // every request's owner runs it if nobody else takes it.
    if (stack_room_available() && help_once()) {
      misses = 0;
    } else {
      if (give_up && give_up(ctx)) return false;
      idle_pause(misses);
    }
  }
  return true;
}

void help_until_done(const help_request& r) noexcept {
  // The taker publishes its slot right after taking r, before running it.
  int taker;
  while ((taker = r.taker.load(std::memory_order_acquire)) == help_request::kNotTaken)
    std::this_thread::yield();
  wait_edge edge(taker);
  help_until(r.done);
}

bool offer(help_request* r) noexcept {
  for (int i = 0; i < kBoardSlots; ++i) {
    help_request* empty = nullptr;
    if (g_board[i].request.load(std::memory_order_relaxed) != nullptr) continue;
    r->slot = i;
    if (g_board[i].request.compare_exchange_strong(empty, r, std::memory_order_acq_rel)) {
      int used = g_board_used.load(std::memory_order_relaxed);
      while (used < i + 1 &&
             !g_board_used.compare_exchange_weak(used, i + 1, std::memory_order_release)) {
      }
      return true;
    }
  }
  return false;
}

bool withdraw(help_request* r) noexcept {
  help_request* expected = r;
  if (!g_board[r->slot].request.compare_exchange_strong(expected, nullptr,
                                                         std::memory_order_acq_rel))
    return false;
  release_spawn();
  return true;
}

}  // namespace purecc::detail
