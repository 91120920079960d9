// CORPUS: impure line=7 id=purecc-global-read
// A const reference to a global vector: its size is mutable global state.
#include <vector>
std::vector<int> g_queue;
[[pure]] std::size_t pending(std::size_t extra) {
  const std::vector<int> &q = g_queue;
  return q.size() + extra; // <- here
}
