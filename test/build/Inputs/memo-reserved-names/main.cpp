// Memoized functions that read a user library whose names are reserved
// spellings (`mylib::__impl::k`, `_Scale`, `__twice`), found through
// `-isystem`: memo-reserved-names.test upgrades it (v1 -> v2) and expects
// the new values.
#include <cstdio>
#include <rlib.h>

[[pure, purecc::memo]] long nested(long x) { return mylib::scale(x); }
[[pure, purecc::memo]] long constant(long x) { return _Scale * x; }
[[pure, purecc::memo]] long reserved_call(long x) { return __twice(x); }

int main() {
  std::printf("nested %ld\nconstant %ld\nreserved_call %ld\n", nested(10), constant(10),
              reserved_call(10));
}
