// CORPUS: impure line=5 id=purecc-io|purecc-impure-library
// printf writes to stdout.
#include <cstdio>
[[pure]] int traced(int x) {
  std::printf("%d\n", x); // <- here
  return x;
}
