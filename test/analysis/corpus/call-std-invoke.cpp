// CORPUS: pure
// std::invoke of a pure lambda.
#include <functional>
[[pure]] int inv(int x) {
  return std::invoke([](int y) { return y * 3; }, x);
}
