// A memoized recursive search whose calls throw ends as fast as the serial
// program. Failed calls are never cached, so before this every call that
// reached a key in flight ran the body again when the owner threw, the right
// branch of every parallel call kept spreading after the left one threw, and
// the waits closed cycles that each took 10 ms to break: rec(22) took 3–11 s
// at 4 threads and rec(60) never ended. Now waiters rethrow the owner's
// exception, an unneeded branch runs its parallel calls inline (so it stops
// at its first throw, as the serial program does), and a cycle is broken
// after 1 ms. E2E_TIMEOUT makes a hang a failure instead of a stuck suite.
// RUN: rm -rf %t.cache
// RUN: env PURECC_CACHE_DIR=%t.cache E2E_TIMEOUT=300 %e2e %s %t | FileCheck %s

#include <cstdio>
#include <stdexcept>
#include <string>

[[pure, purecc::memo]] long rec(long n, long bad) {
  if (n == bad)
    throw std::range_error("bad " + std::to_string(n));
  if (n < 2)
    return n;
  return rec(n - 1, bad) + rec(n - 2, bad) + n * 7 % 2;
}

int main() {
  // bad = 0..3: every call above 'bad' throws (the serial program finds
  // out after about 60 calls); bad = 70: none does (n = 24 keeps the serial
  // build, which has no memo, short).
  for (long bad : {0L, 1L, 2L, 3L, 70L}) {
    try {
      std::printf("%ld\n", rec(bad == 70 ? 24 : 60, bad));
    } catch (const std::exception &e) {
      std::printf("[%s]\n", e.what());
    }
  }
}
// CHECK:      [bad 0]
// CHECK-NEXT: [bad 1]
// CHECK-NEXT: [bad 2]
// CHECK-NEXT: [bad 3]
// CHECK-NEXT: {{[0-9]+}}
