// A counted loop's header (start, bound, step) is evaluated again as the
// iterations run. When it reads, through a reference, a pointer or an
// iterator, a local the body changes, each serial iteration sees the new
// value and a parallel loop would not: such loops stay serial. A step that
// is not a constant is evaluated by the parallel loop's guard before the
// first iteration, after the start and only when there is one; a step that
// may throw stays serial (the serial loop evaluates it after the first
// iteration's work).
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <stdexcept>
#include <vector>

[[pure]] long heavy(long i) {
  long s = 0;
  for (long k = 0; k < 20; ++k)
    s += (i * 31 + k) % 11 - 5;
  return s * (i % 13 + 1);
}
[[pure]] long step(long x) {
  if (x < 0)
    throw std::runtime_error("step threw");
  return x + 1;
}
[[pure]] long start(long x) {
  if (x < 0)
    throw std::runtime_error("start threw");
  return x;
}

long bound_alias() {
  long s = 3000;
  const long &lim = s;
  for (long i = 0; i < lim; ++i)
    s -= heavy(i) % 3 + 3;
  // REMARK: loop-header-aliases.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the loop's header reads 's' through 'lim', and the loop body changes 's' [purecc-missed-reduction]
  return s;
}

long step_alias(long n) {
  long s = 1;
  long &k = s;
  for (long i = 0; i < n; i += k)
    s += heavy(i) % 3 + 3;
  // REMARK: loop-header-aliases.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the loop's header reads 's' through 'k', and the loop body changes 's' [purecc-missed-reduction]
  return s;
}

long step_alias_other(long n) {
  long s = 1, t = 1;
  const long &r = t;
  for (long i = 0; i < n; i += r) {
    // REMARK: loop-header-aliases.cpp:[[@LINE-1]]:3: remark: loop not parallelized: the loop's header reads 't' through 'r', and the loop body changes 't' [purecc-missed-reduction]
    s += heavy(i);
    t += heavy(i) % 3 + 3;
    // REMARK: loop-header-aliases.cpp:[[@LINE-2]]:10: remark: calls to 'heavy' and 'heavy' run in parallel [purecc-parallel-calls]
  }
  return s * 1000 + t;
}

long map_step_alias(long n) {
  std::vector<long> out(n, 0);
  auto it = out.begin();
  for (long i = 0; i < n; i += 1 + (*it > 0))
    out[i] = 1000 + heavy(i);
  // REMARK: loop-header-aliases.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the loop's header reads 'out' through 'it', and the loop body changes 'out' [purecc-missed-reduction]
  long zeros = 0;
  for (long x : out)
    zeros += x == 0;
  // REMARK: loop-header-aliases.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'zeros' [purecc-reduction]
  return zeros;
}

long throwing_step(long n, long x) {
  long s = 0;
  try {
    for (long i = 0; i < n; i += step(x))
      s += heavy(i);
    // REMARK: loop-header-aliases.cpp:[[@LINE-2]]:5: remark: loop not parallelized: the step 'step(x)' may throw, and the parallel loop would evaluate it before the first iteration, the serial loop only after it [purecc-missed-reduction]
  } catch (const std::exception &e) {
    std::printf("caught '%s' with s = %ld\n", e.what(), s);
  }
  return s;
}

long throwing_start(long n, long x) {
  long s = 0;
  for (long i = start(x); i < n; i += step(x))
    s += heavy(i);
  // REMARK: loop-header-aliases.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the step 'step(x)' may throw, and the parallel loop would evaluate it before the first iteration, the serial loop only after it [purecc-missed-reduction]
  return s;
}

// A strided loop's iterations compute their counter from the start
// (i == b + k*j): a start that reads what the body stores keeps the loop
// serial, whether read directly or through a holder.
std::vector<long> start_reads_target(long n, long k) {
  std::vector<long> out(n, 0);
  for (long i = out[0]; i < n; i += k)
    out[i] = 1000 + heavy(i);
  // REMARK: loop-header-aliases.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the start reads 'out', which changes inside the loop body (each iteration of the parallel loop computes its counter from the start) [purecc-missed-map]
  std::vector<long> o2(n, 0);
  for (long i = o2[0]; i < n; i += 2)
    o2[i] = 1000 + heavy(i);
  // REMARK: loop-header-aliases.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the start reads 'o2', which changes inside the loop body (each iteration of the parallel loop computes its counter from the start) [purecc-missed-map]
  out.insert(out.end(), o2.begin(), o2.end());
  return out;
}

// The step is read only when there is a first iteration.
long zero_trips(long n, long k) {
  long s = 0;
  for (long i = 0; i < n; i += k)
    s += heavy(i);
  // REMARK: loop-header-aliases.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  return s;
}

int main() {
  std::printf("bound %ld\n", bound_alias());
  std::printf("step %ld\n", step_alias(3000));
  std::printf("other %ld\n", step_alias_other(3000));
  std::printf("map zeros %ld\n", map_step_alias(3000));
  std::printf("throwing step %ld\n", throwing_step(3000, -1));
  std::printf("zero-trip throwing step %ld\n", throwing_step(0, -1));
  std::printf("good step %ld\n", throwing_step(3000, 2));
  try {
    std::printf("%ld\n", throwing_start(3000, -1));
  } catch (const std::exception &e) {
    std::printf("caught '%s'\n", e.what());
  }
  std::printf("zero trips %ld %ld\n", zero_trips(0, 0), zero_trips(3000, 3));
  long zeros = 0, sum = 0;
  for (long x : start_reads_target(3000, 2)) {
    zeros += x == 0;
    sum += x;
  }
  std::printf("start reads target: %ld zeros, sum %ld\n", zeros, sum);
}
// OUT:      bound 749
// OUT-NEXT: step 133
// OUT-NEXT: other -211867
// OUT-NEXT: map zeros 1500
// OUT-NEXT: caught 'step threw' with s = -9
// OUT-NEXT: throwing step -9
// OUT-NEXT: zero-trip throwing step 0
// OUT-NEXT: good step -11
// OUT-NEXT: caught 'start threw'
// OUT-NEXT: zero trips 0 {{-?[0-9]+}}
// OUT-NEXT: start reads target: 3000 zeros, sum 2999824
