// CORPUS: pure
// Throwing and catching is allowed.
#include <stdexcept>
#include <vector>
[[pure]] int safe_at(const std::vector<int> &v, std::size_t i) {
  try {
    if (i >= v.size()) throw std::out_of_range("index");
    return v.at(i);
  } catch (const std::out_of_range &) {
    return -1;
  }
}
