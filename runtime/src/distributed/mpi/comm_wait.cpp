// The communication thread's sleep between polls (see comm_wait.h).
#include "comm_wait.h"

#include <algorithm>
#include <limits>

namespace purecc::mpi {

namespace {
/// The share of a node's run time a late read may cost it.
constexpr std::int64_t kShare = 32;
std::int64_t within(std::int64_t us, std::int64_t fast, std::int64_t slow) {
  return std::clamp(us, fast, std::max(fast, slow));
}
} // namespace

std::int64_t root_wait_us(std::span<const WorkerWait> workers, std::int64_t fast,
                          std::int64_t slow) {
  if (fast == 0)
    return 0;
  if (workers.empty())
    return kUntilWoken;
  std::int64_t best = std::numeric_limits<std::int64_t>::max();
  for (const WorkerWait &w : workers) {
    // A result read late idles this worker (unless it has a node queued)
    // by at most the cap: 2 ms, or 1/32 of a longer node.
    std::int64_t cap = std::max(slow, std::max(w.mean_us, w.elapsed_us) / kShare);
    std::int64_t us = 0;
    if (w.mean_us < 0) {
      us = w.elapsed_us / kShare;
    } else if (w.mean_us < kLongNodeUs) {
      // Short nodes: promptly, as a late read shifts work to rank 0 (primes
      // 9e6, nodes of 1-10 ms: rank 1 ran 201 nodes instead of 332).
      us = w.queued ? w.mean_us / 4 : 0;
    } else {
      const std::int64_t due = w.mean_us - w.mean_us / 8;
      us = w.elapsed_us < due ? due - w.elapsed_us : (w.elapsed_us - due) / 8;
      if (w.queued) {
        us = std::max(us, w.mean_us / 4);
        cap = std::max(cap, w.mean_us / 4);
      }
    }
    best = std::min(best, within(us, fast, cap));
  }
  return best;
}

std::int64_t worker_wait_us(const WorkerSelf &self, std::int64_t fast, std::int64_t slow) {
  if (fast == 0)
    return 0;
  if (!self.executing)
    return within(self.quiet_us / 16, fast, slow);
  // Running a node, nothing is asked of this rank until it ends (its main
  // thread wakes it then); what arrives meanwhile only fills the queue —
  // read before the node is due, so that a large task message has arrived
  // whole when the main thread wants it.
  if (self.mean_us >= kLongNodeUs) {
    const std::int64_t due = self.mean_us - self.mean_us / 8;
    return std::max({fast, slow, due - self.running_us});
  }
  return std::max({fast, slow, self.running_us / 16});
}

std::int64_t send_wait_us(std::int64_t age_us, std::int64_t fast, std::int64_t slow) {
  if (fast == 0)
    return 0;
  return within(age_us / 16, fast, slow);
}

} // namespace purecc::mpi
