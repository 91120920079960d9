// Memoized functions of 128-bit integers: the key holds all 128 bits (two
// arguments that differ only in the high half are two entries), and the
// rewritten program compiles under -std=c++20, where '__int128' is no
// integral type to the library (adv51 t27: no 'purecc::codec<__int128>').
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>

[[pure, purecc::memo]] long f128(__int128 x) {
  long h = 0;
  for (int k = 0; k < 2000; ++k)
    h = h * 31 + static_cast<long>(x >> 64) + static_cast<long>(x) + k;
  return h;
}

[[pure, purecc::memo]] unsigned __int128 square(unsigned __int128 x) { return x * x; }

int main(int argc, char **) {
  const __int128 high = static_cast<__int128>(argc) << 64;
  long a = f128(high);
  // REMARK: memo-int128.cpp:[[@LINE-1]]:12: remark: calls to 'f128', 'f128' and 'square' run in parallel [purecc-parallel-calls]
  long b = f128(high + (static_cast<__int128>(1) << 64));
  const unsigned __int128 s = square((static_cast<unsigned __int128>(argc) << 40) + 3);
  std::printf("%ld %ld %llu %llu\n", a, b, static_cast<unsigned long long>(s >> 64),
              static_cast<unsigned long long>(s));
  // OUT: 4429096223520182504 -5566031875299938840 65536 6597069766665
}
// REMARK: memo-int128.cpp:[[@LINE-19]]:29: remark: calls to 'f128' are memoized (fingerprint {{.*}}) [purecc-memo]
// REMARK: memo-int128.cpp:[[@LINE-13]]:42: remark: calls to 'square' are memoized (fingerprint {{.*}}) [purecc-memo]
