// A map may write the element at an injective affine function of the loop
// counter: `e[n - 1 - i]`, `e[e.size() - 1 - i]`, `e[2 * i + 1]`, `e[i + k]`
// with loop-invariant n, k, and in an unsigned type `e[3 * i + 1]` (an odd
// factor has an inverse modulo 2^W). Every iteration writes its own element,
// as with `e[i]`. Indexes that may repeat (a factor that is not a constant,
// an even factor of an unsigned counter, which may wrap around), or that
// change inside the body, stay serial.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstddef>
#include <cstdio>
#include <vector>

[[pure]] long f(long i) {
  long s = 0;
  for (long k = 0; k < 50; ++k)
    s += (i * 131 + k * 7) % 97;
  return s;
}

long digest(const std::vector<long> &v) {
  long h = 0;
  for (long x : v)
    h = h * 31 + x;
  return h;
}

int main(int argc, char **) {
  std::size_t n = 3000 + static_cast<std::size_t>(argc);
  std::vector<long> e(n, -1);
  for (std::size_t i = 0; i < n; ++i)
    e[n - 1 - i] = f(static_cast<long>(i));
  // CHECK: {{^}}  ::purecc::parallel_for(0, static_cast<std::int64_t>(n), [&](std::int64_t purecc_i{{[0-9]+}}) {
  // REMARK: affine-maps.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel map over 'e' [purecc-parallel-map]
  std::printf("reverse: %ld %ld\n", e[0], digest(e));
  // OUT: reverse: 2495 7690189399300843230

  std::vector<long> r(n, -1);
  for (std::size_t i = 0; i < n; ++i)
    r[r.size() - 1 - i] = f(static_cast<long>(i));
  // CHECK: {{^}}    r[r.size() - 1 - i] = f(static_cast<long>(i)); } });
  // REMARK: affine-maps.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel map over 'r' [purecc-parallel-map]
  std::vector<long> u(3 * n + 1, -1);
  for (std::size_t i = 0; i < n; ++i)
    u[3 * i + 1] = f(static_cast<long>(i));
  // REMARK: affine-maps.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'u' [purecc-parallel-map]
  for (unsigned i = 0; i < 700; ++i)
    u[2 * n - 5u * i] = f(static_cast<long>(i));
  // REMARK: affine-maps.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'u' [purecc-parallel-map]
  std::vector<long> c(n, -1);
  for (long i = 0; i < static_cast<long>(n); ++i)
    c[static_cast<std::size_t>(i)] = f(i);
  // REMARK: affine-maps.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'c' [purecc-parallel-map]
  std::printf("size, odd factors: %ld %ld %ld\n", digest(r), r[0] - e[0], digest(u));
  // An 'int' counter widened before an even factor: two of its values
  // differ by less than 2^32, so their unsigned products never meet
  // (user41 t02 was refused as "may wrap around").
  std::vector<long> wide(2 * n + 1, -1);
  for (int i = 0; i < static_cast<int>(n); ++i)
    wide[static_cast<std::size_t>(i) * 2 + 1] = f(i);
  // REMARK: affine-maps.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'wide' [purecc-parallel-map]
  std::printf("written casts: %ld %ld\n", digest(c), digest(wide));
  // OUT-NEXT: size, odd factors: 7690189399300843230 0 -764318689021506002
  // OUT-NEXT: written casts: 7728460079771281758 -5968721636781442272

  int m = 1000 + argc;
  std::vector<long> odd(2 * static_cast<std::size_t>(m) + 5, -1);
  for (int i = 0; i < m; ++i)
    odd[2 * i + 1] = f(i);
  // REMARK: affine-maps.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'odd' [purecc-parallel-map]
  long a[4000];
  int k = argc + 2;
  for (int i = 0; i < 3000; ++i)
    a[i + k] = f(i);
  // REMARK: affine-maps.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'a' [purecc-parallel-map]
  std::printf("affine: %ld %ld %ld\n", digest(odd), a[k], a[2999 + k]);
  // OUT-NEXT: affine: 1610131941996423100 2173 2347

  // Not injective, or not the same in every iteration: serial.
  std::vector<long> w(3000, 0);
  for (int i = 0; i < 3000; ++i)
    w[i / 2] = f(i);
  // REMARK: affine-maps.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the element of 'w' written is not indexed by the loop variable [purecc-missed-map]
  for (int i = 0; i < 3000; ++i)
    w[static_cast<unsigned char>(i)] = f(i);
  // REMARK: affine-maps.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the element of 'w' written is not indexed by the loop variable [purecc-missed-map]
  for (int i = 0; i < 3000; ++i)
    w[0 * i + 5] = f(i);
  // REMARK: affine-maps.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the element of 'w' written is not indexed by the loop variable [purecc-missed-map]
  for (int i = 0; i < 1500; ++i) {
    int off = i % 2;
    w[i + off] = f(i);
  }
  // REMARK: affine-maps.cpp:[[@LINE-4]]:3: remark: loop not parallelized: the index of 'w' written reads 'off', which may not be the same in every iteration [purecc-missed-map]
  for (int i = 0; i < 1500; ++i) {
    w[i] = f(i);
    w[2999 - i] = f(i + 1);
  }
  // REMARK: affine-maps.cpp:[[@LINE-4]]:3: remark: loop not parallelized: the elements of 'w' are written at different indexes, which different iterations may share [purecc-missed-map]
  // REMARK: affine-maps.cpp:[[@LINE-4]]:12: remark: calls to 'f' and 'f' not parallelized: the result of 'f' is stored into 'w[i]', not into a variable: only a result stored into a local variable joins a run of calls [purecc-missed-parallel-calls]
  // A 32-bit unsigned product wraps around onto elements a large array
  // has (a 64-bit one of a counter counting by one does not:
  // map-interleaved.cpp).
  unsigned half = 1500;
  for (unsigned i = 0; i < half; ++i)
    w[2 * i + 1] = f(static_cast<long>(i));
  // REMARK: affine-maps.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the index of 'w' written multiplies 'i' by 2 in the unsigned type 'unsigned int', where the product may wrap around so that two iterations write one element (a signed counter's cannot: its overflow is undefined) [purecc-missed-map]
  int step = argc + 1;
  for (int i = 0; i < 1400; ++i)
    w[step * i + 1] = f(i);
  // REMARK: affine-maps.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the index of 'w' written multiplies 'i' by 'step', which is not a constant: where it is 0, every iteration writes one element [purecc-missed-map]
  std::printf("serial: %ld\n", digest(w));
  // OUT-NEXT: serial: -7283459194924288479
  return 0;
}
