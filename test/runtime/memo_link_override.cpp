// The shared library of memo_link_override.h: built as v1 (x * 2) and v2
// (x * 3), the same file name in two directories.
#include "memo_link_override.h"

namespace {
struct Derived final : Base {
  long f(long x) const override { return x * OVERRIDE_FACTOR; }
};
} // namespace

const Base &override_object() {
  static const Derived d;
  return d;
}
