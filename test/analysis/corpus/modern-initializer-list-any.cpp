// CORPUS: pure
// std::initializer_list and a local std::any.
#include <any>
#include <initializer_list>
[[pure]] int biggest(int x) {
  int m = x;
  for (int v : {3, 1, 4, 1, 5}) m = v > m ? v : m;
  std::any a = m;
  return std::any_cast<int>(a);
}
