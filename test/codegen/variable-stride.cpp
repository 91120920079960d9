// Counted loops whose step is a variable, `for (T i = b; i < e; i += k)`:
// the serial loop ends only when k > 0 (k == 0 never moves, k < 0 walks
// away from the bound), and an unsigned or narrow counter may wrap around
// after its last iteration and go on. So the loop runs in parallel only
// under a run-time guard that computes the trip count in 64-bit unsigned
// arithmetic (no overflow) and returns -1 when the step is not positive or
// the counter would wrap; then the original loop, copied verbatim on its
// own lines, runs as written.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <climits>
#include <cstdio>
#include <stdexcept>
#include <vector>

[[pure]] long heavy(long i) {
  long s = 0;
  for (long k = 0; k < 40; ++k)
    s += (i * 31 + k) % 11 - 5;
  return s * (i % 13 + 1);
}
[[pure]] long checked(long i) {
  if (i < 0)
    throw std::runtime_error("negative " + std::to_string(i));
  return heavy(i);
}

long sum(long b, long n, long k) {
  long s = 0;
  for (long i = b; i < n; i += k)
    s += heavy(i);
  // CHECK: {{^}}  if (const std::int64_t purecc_g{{[0-9]+}}_n = [&]() -> std::int64_t { const long purecc_g{{[0-9]+}}_b = (b); if (!(static_cast<long>(purecc_g{{[0-9]+}}_b) < static_cast<long>((n)))) return 0; const auto purecc_g{{[0-9]+}}_s = (k); if (!(purecc_g{{[0-9]+}}_s > 0)) return -1;
  // CHECK-NEXT: {{^}}#line [[@LINE-3]]
  // CHECK-NEXT: {{^}}for (long i = b; i < n; i += k)
  // CHECK-NEXT: {{^}}    s += heavy(i);
  // CHECK-NEXT: {{^}}#line [[@LINE-6]]
  // CHECK-NEXT: {{^}}else { s = ::purecc::wrapping_add<long>(s, ::purecc::parallel_reduce(0, purecc_g{{[0-9]+}}_n, long{}, [&](std::int64_t purecc_k{{[0-9]+}}) -> long { long i = static_cast<long>(static_cast<std::uint64_t>(static_cast<long>(b)) + static_cast<std::uint64_t>(k) * static_cast<std::uint64_t>(purecc_k{{[0-9]+}})); ::purecc::wrapping<long> purecc_acc_{{[0-9]+}} = long{};
  // REMARK: variable-stride.cpp:[[@LINE-8]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  return s;
}

long upto(long b, long n, int k) {
  long s = 0;
  for (long i = b; i <= n; i += k)
    s += heavy(i);
  // REMARK: variable-stride.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  return s;
}

// An unsigned short counter: 'i += k' converts back modulo 2^16, so the
// counter may wrap around below the bound and go on.
long wrapping(unsigned short b, unsigned short n, unsigned short k) {
  long s = 0;
  for (unsigned short i = b; i < n; i += k)
    s += heavy(i);
  // REMARK: variable-stride.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  return s;
}

long unsignedSum(unsigned b, unsigned n, unsigned k) {
  long s = 0;
  for (unsigned i = b; i < n; i += k)
    s += heavy(i);
  // REMARK: variable-stride.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  return s;
}

// A negative step walks away from the bound until 'checked' throws.
long untilThrow(long n, long k) {
  try {
    long s = 0;
    for (long i = 0; i < n; i += k)
      s += checked(i);
    // REMARK: variable-stride.cpp:[[@LINE-2]]:5: remark: loop not parallelized: 'checked' may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
    return s;
  } catch (const std::exception &e) {
    std::printf("%s\n", e.what());
    return -1;
  }
}

// The copy of the loop expands its macros again: a '__COUNTER__' in it
// would count once more, and the branch that runs would compute another
// value (adv36 t06).
#define TAG (1 + __COUNTER__)
long tagged(long n, long k) {
  long s = 0;
  for (long i = 0; i < n; i += k)
    s += heavy(i) * TAG;
  // REMARK: variable-stride.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the step 'k' is not a constant, and the serial copy of the loop that the check of its value keeps would change the preprocessor's state again ('__COUNTER__', '#define' or '#undef' in the loop) [purecc-missed-reduction]
  return s;
}

int main(int argc, char **) {
  long k = 2 + argc; // 3, not a constant
  std::printf("%ld %ld %ld\n", sum(0, 10000, k), sum(-5000, 4999, 7 * k), sum(5, 5, k));
  // OUT: 330 476107 0
  // A step that is not positive with the counter at or past the bound: no iteration.
  std::printf("%ld %ld\n", sum(10, 10, 0), sum(20, 10, -k));
  // OUT-NEXT: 0 0
  std::printf("%ld %ld %ld\n", upto(1, 9000, static_cast<int>(k)), upto(0, 0, 5), upto(-7, 7, 1));
  // OUT-NEXT: -138 -14 8388
  // 65000, 65200, 65400, then 64 (wrapped), ... until 65504: about 8000 iterations.
  std::printf("%ld %ld\n", wrapping(65000, 65500, 200), wrapping(0, 65000, static_cast<unsigned short>(100 * k)));
  // OUT-NEXT: 123 163
  std::printf("%ld %ld\n", unsignedSum(7, 100000, static_cast<unsigned>(k)),
              unsignedSum(4294967000u, 4294967290u, 7u));
  // OUT-NEXT: 70 -184
  // 0, 2^31 + 1, then 2 (wrapped), 2^31 + 3, 4, ... until 2^31 + 11.
  std::printf("%ld\n", unsignedSum(0, 2147483658u, 2147483649u));
  // OUT-NEXT: 91
  std::printf("%ld %ld\n", untilThrow(1000, k), untilThrow(1000, -k));
  // OUT-NEXT: negative -3
  // OUT-NEXT: 468 -1
  std::printf("%ld\n", tagged(300, k));
  // OUT-NEXT: 279

  long t = 0;
  for (long i = 0; i < 1000; i += k) {
    t += heavy(i);
    k = k % 5 + 1;
  }
  // REMARK: variable-stride.cpp:[[@LINE-4]]:3: remark: loop not parallelized: the step 'k' changes inside the loop body [purecc-missed-reduction]
  for (long i = 1000; i > 0; i -= k)
    t += heavy(i);
  // REMARK: variable-stride.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'i' counts in steps of 'k', which is not a constant: whether the loop ends depends on its sign [purecc-missed-reduction]
  std::printf("%ld\n", t);
  // OUT-NEXT: 282
}
