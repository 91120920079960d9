// CORPUS: pure
// A local span over a local array: local writes.
#include <span>
[[pure]] int fill_sum(int v) {
  int arr[4] = {};
  std::span<int> s(arr);
  for (int &e : s) e = v;
  return arr[0] + arr[3];
}
