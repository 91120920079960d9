// CORPUS: impure line=5 id=purecc-io
// Writing to std::cerr.
#include <iostream>
[[pure]] int warned(int x) {
  if (x < 0) std::cerr << "negative\n"; // <- here
  return x < 0 ? -x : x;
}
