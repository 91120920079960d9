// CORPUS: impure line=5 id=purecc-indirect-call|purecc-impure-library
// A call through std::function is an indirect call.
#include <functional>
[[pure]] int run(const std::function<int(int)> &f, int x) {
  return f(x); // <- here
}
