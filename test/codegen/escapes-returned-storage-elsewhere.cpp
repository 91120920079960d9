// A local made by a function whose body is in another file
// (ReturnedStorage.h): that function may have kept the address of what it
// returns, unless it is declared '[[pure]]' (a contract checked where it is
// defined: it writes nothing outside its call, so it keeps nothing). So
// may what a chain of calls deeper than purecc follows makes.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:

#include <vector>

[[pure]] long work(long i) noexcept;
// REMARK: escapes-returned-storage-elsewhere.cpp:[[@LINE-1]]:15: remark: 'work' is declared pure but not defined in this translation unit: its calls are trusted here and its definition is checked where it is compiled [purecc-pure-contract]
std::vector<long> load(long n);
[[pure]] std::vector<long> zeros(long n);
// REMARK: escapes-returned-storage-elsewhere.cpp:[[@LINE-1]]:28: remark: 'zeros' is declared pure but not defined in this translation unit: its calls are trusted here and its definition is checked where it is compiled [purecc-pure-contract]

long fromElsewhere(long n) {
  std::vector<long> v = load(n);
  for (long i = 0; i < n; ++i)
    v[i] = work(i) + v[i];
  // REMARK: escapes-returned-storage-elsewhere.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'v' escapes where it is made, on line [[@LINE-3]]: 'load' is not defined in this file: it may keep the address of what it returns [purecc-missed-map]
  return v[0];
}

long fromPureElsewhere(long n) {
  std::vector<long> v = zeros(n);
  for (long i = 0; i < n; ++i)
    v[i] = work(i) + v[i];
  // REMARK: escapes-returned-storage-elsewhere.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'v' [purecc-parallel-map]
  return v[0];
}

// A chain of calls deeper than purecc follows may keep anything.
std::vector<long> m0(long n) { return std::vector<long>(n); }
std::vector<long> m1(long n) { return m0(n); }
std::vector<long> m2(long n) { return m1(n); }
std::vector<long> m3(long n) { return m2(n); }
std::vector<long> m4(long n) { return m3(n); }
std::vector<long> m5(long n) { return m4(n); }
std::vector<long> m6(long n) { return m5(n); }
std::vector<long> m7(long n) { return m6(n); }
std::vector<long> m8(long n) { return m7(n); }
std::vector<long> m9(long n) { return m8(n); }
std::vector<long> m10(long n) { return m9(n); }
std::vector<long> m11(long n) { return m10(n); }
std::vector<long> m12(long n) { return m11(n); }
std::vector<long> m13(long n) { return m12(n); }
std::vector<long> m14(long n) { return m13(n); }
std::vector<long> m15(long n) { return m14(n); }
std::vector<long> m16(long n) { return m15(n); }
std::vector<long> m17(long n) { return m16(n); }

long deepChain(long n) {
  std::vector<long> v = m17(n);
  for (long i = 0; i < n; ++i)
    v[i] = work(i) + v[i];
  // REMARK: escapes-returned-storage-elsewhere.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'v' escapes where it is made, on line [[@LINE-3]]: 'm1' returns what a chain of more than 16 calls makes, which purecc does not follow [purecc-missed-map]
  std::vector<long> w = m15(n);
  for (long i = 0; i < n; ++i)
    w[i] = work(i) + w[i];
  // REMARK: escapes-returned-storage-elsewhere.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'w' [purecc-parallel-map]
  return v[0] + w[0];
}
