// Memoized functions whose value depends on declarations in defs.h that
// their text does not show (memo-types.test).
#include "defs.h"
#include <algorithm>
#include <cstdio>

extern const long Late;
[[pure, purecc::memo]] long aggregate(long x) { return Agg{}.k * x; }
[[pure, purecc::memo]] long base(long x) { return Der{}.b * x; }
[[pure, purecc::memo]] long size(long x) { return (long)sizeof(Sized) * x; }
[[pure, purecc::memo]] long align(long x) { return (long)alignof(Aligned) * x; }
[[pure, purecc::memo]] long trait(long x) { return (long)std::is_trivially_copyable_v<Trait> * x; }
[[pure, purecc::memo]] long defaulted(long x) { return scaled_by(x); }
[[pure, purecc::memo]] long outside(long x) { return Outside::v * x; }
[[pure, purecc::memo]] long member(long x) { Outside o; return o.v * x; }
[[pure, purecc::memo]] long late(long x) { return Late * x; }
[[pure, purecc::memo]] long wide(long x) { return (long)sizeof(Wide<int>) * x; }
[[pure, purecc::memo]] long alias(long x) { return TK::value * x; }
[[pure, purecc::memo]] long instantiated(long x) { return twice(Point{x}); }
[[pure, purecc::memo]] long sorted(long x) {
  std::vector<Item> v{{x}, {1}, {2}};
  std::sort(v.begin(), v.end());
  return v[0].a;
}
// A lambda's place in the file is not part of the key: the unrelated edit
// that moves it still hits.
[[pure, purecc::memo]] long descending(long x) {
  std::vector<Item> v{{x}, {1}, {2}};
  std::sort(v.begin(), v.end(), [](Item l, Item r) { return l.a > r.a; });
  return v[2].a;
}
[[pure, purecc::memo]] long enumerator(long x) { return Low * x; }
[[pure, purecc::memo]] long packed(long x) { Packed p{}; return (long)sizeof(p) * x; }
[[pure, purecc::memo]] long holder(long x) { Holder h{}; return h.c.value * x; }
[[pure, purecc::memo]] long constrained(long x) {
  if constexpr (Big<Eight>)
    return 2 * x;
  else
    return x;
}
[[pure, purecc::memo]] long constructed(long x) { Seeded s; return s.k * x; }
[[pure, purecc::memo]] long initialized(long x) { Started s; return s.k * x; }

long scaled_by(long x, long k) { return x * k; }
const long Outside::v = 3;                          // EDIT: defined after its use
const long Late = 3;                                // EDIT: defined after its use

int main() {
  std::printf("aggregate %ld\nbase %ld\nsize %ld\nalign %ld\ntrait %ld\ndefaulted %ld\n",
              aggregate(10), base(10), size(10), align(10), trait(10), defaulted(10));
  std::printf("outside %ld\nmember %ld\nlate %ld\nwide %ld\nalias %ld\ninstantiated %ld\n",
              outside(10), member(10), late(10), wide(10), alias(10), instantiated(10));
  std::printf("sorted %ld\nenumerator %ld\npacked %ld\nholder %ld\nconstrained %ld\n",
              sorted(10), enumerator(10), packed(10), holder(10), constrained(10));
  std::printf("constructed %ld\ninitialized %ld\ndescending %ld\n", constructed(10),
              initialized(10), descending(10));
}
