// Counted loops in constant steps whose bounds have a type narrower than the
// 64-bit count: an unsigned short or unsigned char bound, a start read from
// an unsigned variable. The count was a comparison of the widened bounds
// written into the output, `(std::int64_t)m >= (std::int64_t)0 ? ... : 0`,
// which g++'s -Wtype-limits (in -Wextra) finds always true: the rewritten
// program did not compile under -Werror, and the launcher broke the build.
// The count is now a call to purecc::trips_until / trips_through.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <vector>

[[pure]] long heavy(long i) {
  long s = 0;
  for (long k = 0; k < 30; ++k)
    s += (i * k) % 11 - 4;
  return s;
}

int main(int argc, char **) {
  unsigned n = 2000 + argc;
  unsigned short m = 900 + argc;
  unsigned char u = 200 + argc;
  long a = 0, b = 0, c = 0, d = 0, e = 0;

  // Counting up to an unsigned short, `<=`: `(int64)m >= 0` is always true.
  for (long i = 0; i <= m; i += 2)
    a += heavy(i);
  // CHECK: {{^}}  a = ::purecc::wrapping_add<long>(a, ::purecc::parallel_reduce(0, ::purecc::trips_through(static_cast<std::int64_t>(0), static_cast<std::int64_t>(m), 2), long{},
  // REMARK: stride-narrow-bounds.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel reduction of 'a' [purecc-reduction]

  // Counting up from a negative start to an unsigned char, `<`.
  for (long i = -3; i < u; i += 4)
    b += heavy(i);
  // CHECK: {{^}}  b = ::purecc::wrapping_add<long>(b, ::purecc::parallel_reduce(0, ::purecc::trips_until(static_cast<std::int64_t>(-3), static_cast<std::int64_t>(u), 4), long{},
  // REMARK: stride-narrow-bounds.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel reduction of 'b' [purecc-reduction]

  // Counting down from an unsigned start, `>=` and `>`.
  for (long i = n; i >= 0; i -= 3)
    c += heavy(i);
  // REMARK: stride-narrow-bounds.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'c' [purecc-reduction]
  for (int i = m; i > -5; i -= 4)
    d += heavy(i);
  // REMARK: stride-narrow-bounds.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'd' [purecc-reduction]

  // A map in steps of 3 up to an unsigned short.
  std::vector<long> out(m + 1u);
  for (long i = 0; i <= m; i += 3)
    out[i] = heavy(i);
  // REMARK: stride-narrow-bounds.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'out' [purecc-parallel-map]
  for (long x : out)
    e += x;
  // REMARK: stride-narrow-bounds.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'e' [purecc-reduction]

  std::printf("%ld %ld %ld %ld %ld\n", a, b, c, d, e);
  // OUT: 6765 561 9983 3201 4424
  return 0;
}
