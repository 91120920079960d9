// CORPUS: pure
// A function template checked per instantiation.
#include <vector>
template <class T> [[pure]] T total(const std::vector<T> &v) {
  T s{};
  for (const T &x : v) s += x;
  return s;
}
double use(const std::vector<double> &v) { return total(v) + total(std::vector<int>{1, 2}); }
