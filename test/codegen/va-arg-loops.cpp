// `va_arg(ap, T)` takes the next variadic argument: it advances 'ap', so
// the iterations of a loop that takes one, or two statements that do, depend
// on each other and stay serial (adv63 t83, t85: each thread took its own
// sequence of arguments, and the sum or the map came out wrong).
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdarg>
#include <cstdio>
#include <vector>

[[pure]] long work(long d) {
  long s = 0;
  for (long k = 0; k < 30000; ++k)
    s += (d * k) % 7;
  // CHECK: va-arg-loops.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  return s + d;
}

long weighted(int n, ...) {
  va_list ap;
  va_start(ap, n);
  long s = 0;
  for (int i = 0; i < n; ++i)
    s += work(va_arg(ap, long)) * (i + 1);
  // CHECK: va-arg-loops.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'ap' is written inside the loop body [purecc-missed-reduction]
  va_end(ap);
  return s;
}

std::vector<long> each(int n, ...) {
  std::vector<long> out(static_cast<std::size_t>(n));
  va_list ap;
  va_start(ap, n);
  for (int i = 0; i < n; ++i)
    out[i] = work(va_arg(ap, long));
  // CHECK: va-arg-loops.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'ap' is written inside the loop body [purecc-missed-map]
  va_end(ap);
  return out;
}

// A `va_list` handed on: 'ap' points to the caller's list.
long weightedList(int n, va_list ap) {
  long s = 0;
  for (int i = 0; i < n; ++i)
    s += work(va_arg(ap, long)) * (i + 1);
  // CHECK: va-arg-loops.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'ap' is written inside the loop body [purecc-missed-reduction]
  return s;
}

long handedOn(int n, ...) {
  va_list ap;
  va_start(ap, n);
  long s = weightedList(n, ap);
  va_end(ap);
  return s;
}

int main() {
  std::printf("%ld\n", weighted(12, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L));
  for (long x : each(8, 10L, 20L, 30L, 40L, 50L, 60L, 70L, 80L))
    std::printf("%ld ", x);
  std::printf("\n%ld\n", handedOn(6, 6L, 5L, 4L, 3L, 2L, 1L));
}
// OUT: {{^[0-9]+$}}
// OUT-NEXT: {{^([0-9]+ ){8}$}}
// OUT-NEXT: {{^[0-9]+$}}
