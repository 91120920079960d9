// A 'goto' to a label inside the same loop body does not leave the body:
// the loop is rewritten like one without it (each iteration runs its whole
// body on one thread). A 'goto' to a label outside the body leaves it, and a
// label in a stride loop's body would be repeated by its serial copy.
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <vector>

[[pure]] long f(long i) {
  long r = i;
  for (int k = 0; k < 30; ++k)
    r = (r * 2654435761L + k) % 1000003;
  return r;
}

int main(int argc, char **) {
  long n = 3000 + argc;
  long step = argc + 1;
  long s = 0;
  for (long i = 0; i < n; ++i) {
    long x = f(i);
  again:
    if (x % 5 == 0) {
      x = x / 5 + 1;
      goto again;
    }
    s += x;
  }
  // REMARK: goto-in-body.cpp:[[@LINE-9]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  long s2 = 0;
  for (long i = 0; i < n; i += step) {
    long x = f(i);
  retry:
    if (x % 3 == 0) {
      x = x / 3 + 1;
      goto retry;
    }
    s2 += x;
  }
  // REMARK: goto-in-body.cpp:[[@LINE-9]]:3: remark: loop not parallelized: the loop body has a label, which the serial copy of the loop for a step that is not positive would repeat [purecc-missed-reduction]
  std::vector<long> out(n);
  for (long i = 0; i < n; ++i) {
    long x = f(i);
    if (x & 1)
      goto odd;
    out[i] = x / 2;
    continue;
  odd:
    out[i] = 3 * x + 1;
  }
  // REMARK: goto-in-body.cpp:[[@LINE-9]]:3: remark: loop rewritten as a parallel map over 'out' [purecc-parallel-map]
  // An update under a label is an update like any other (adv63 F14: it was
  // "'t' is updated ... and also written there ('t += 7') otherwise"), also
  // one a backward 'goto' repeats.
  long t = 0;
  for (long i = 0; i < n; ++i) {
    if (i % 4 == 1)
      goto next;
    t += f(i);
  next:
    t += 7;
  }
  // REMARK: goto-in-body.cpp:[[@LINE-7]]:3: remark: loop rewritten as a parallel reduction of 't' [purecc-reduction]
  long u = 0;
  for (long i = 0; i < n; ++i) {
    long r = 0;
  repeat:
    u += f(i + r);
    if (++r < i % 3)
      goto repeat;
  }
  // REMARK: goto-in-body.cpp:[[@LINE-7]]:3: remark: loop rewritten as a parallel reduction of 'u' [purecc-reduction]
  long s3 = 0;
  for (long i = 0; i < n; ++i) {
    long x = f(i);
    if (x == 77)
      goto done;
    s3 += x;
  }
  // REMARK: goto-in-body.cpp:[[@LINE-6]]:3: remark: loop not parallelized: 'goto' leaves the loop body [purecc-missed-reduction]
done:
  long h = 0;
  for (long x : out)
    h = h * 31 + x;
  std::printf("%ld %ld %ld %ld %ld %ld\n", s, s2, h, s3, t, u);
  // OUT: 1248536905 562544702 -5578599996437884059 1499987993 1126728177 1998746555
}
