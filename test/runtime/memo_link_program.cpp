// A memoized program whose memoized function makes a virtual call that the
// shared library of memo_link_override.h answers, as `purecc rewrite` emits
// it: the site names `@program` and the base's symbol. It prints the
// site's completed fingerprint and the function's value for 1..3, through
// the disk cache of PURECC_CACHE_DIR; test_memo_link.cpp runs it with one
// build of the library and then the other (adv112 F1).
#include "memo_link_override.h"

#include "purecc/memo.h"

#include <cstdio>

namespace {
constinit const purecc::MemoSite site{"twice_applied", 0x5eedULL, 0xf1ULL, "@program _ZNK4Base1fEl"};

long twice_applied(long x) {
  return purecc::memoize(site, [&] { return override_object().f(override_object().f(x)); }, x);
}
} // namespace

int main() {
  std::printf("fingerprint %s\n", site.fingerprint().hex().c_str());
  for (long x = 1; x <= 3; ++x)
    std::printf("%ld\n", twice_applied(x));
  return 0;
}
