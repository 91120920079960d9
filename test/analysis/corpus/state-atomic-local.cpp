// CORPUS: impure line=5|6|7 id=purecc-atomic
// R2: any operation on std::atomic is rejected, even on a local.
#include <atomic>
[[pure]] int count(int n) {
  std::atomic<int> c{0}; // <- here
  for (int i = 0; i < n; ++i) c.fetch_add(1); // <- here
  return c.load(); // <- here
}
