// A [[pure]] program whose headers are found relative to this file's
// directory ("util.h") and through -I <this directory>/lib ("scale.h",
// which has a [[pure]] function of its own).
#include "util.h"
#include "scale.h"

#include <cstdio>

[[pure]] long triangle(long n) { return n * (n + 1) / 2; }

int main() {
  std::printf("%ld %d %s:%d\n", triangle(10), scale(add_one(4)), __FILE__, __LINE__);
}
