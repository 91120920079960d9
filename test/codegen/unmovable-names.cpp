// Names that mean something else in code moved into a task (a lambda that
// may run on another thread) or into a clone keep their code where it is
// written: '__func__' and '__PRETTY_FUNCTION__' name the function they are
// written in (a task's is "operator()", a fast clone's "purecc_serial_..."),
// a 'thread_local' variable is another object on each thread, a lambda
// cannot capture a structured binding of a bit-field by reference, and a
// 'static' local declared in a loop body is one object every iteration
// shares (found by adv18: the threads raced on the counter).
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

[[pure]] long f(long i) {
  long r = i;
  for (int k = 0; k < 30; ++k)
    r = (r * 2654435761L + k) % 1000003;
  return r;
}

[[pure]] long g(long i) {
  long r = i;
  for (int k = 0; k < 20000; ++k)
    r = (r * 2654435761L + k) % 1000003;
  return r;
}

// Its parallel calls are kept, but not a serial clone under another name.
[[pure]] long fib(int n) {
  if (n < 2)
    return long(std::strlen(__func__));
  return fib(n - 1) + fib(n - 2);
  // REMARK: unmovable-names.cpp:[[@LINE-1]]:10: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
}

thread_local long scale = 1;

struct Packed {
  long a : 20;
  long b : 20;
};

int main(int argc, char **) {
  long n = 3000 + argc;
  long s1 = 0;
  for (long i = 0; i < n; ++i)
    s1 += f(i) * long(sizeof(__func__));
  // REMARK: unmovable-names.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the loop body uses '__func__', which names the function it is written in [purecc-missed-reduction]
  std::string s2;
  for (long i = 0; i < n; ++i)
    s2 += std::string(__PRETTY_FUNCTION__).substr(0, 3) + char('a' + f(i) % 26);
  // REMARK: unmovable-names.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the loop body uses '__PRETTY_FUNCTION__', which names the function it is written in [purecc-missed-reduction]
  long v = g(1) + g(long(sizeof(__func__)));
  // REMARK: unmovable-names.cpp:[[@LINE-1]]:12: remark: calls to 'g' and 'g' not parallelized: an argument of 'g' uses '__func__', which names the function it is written in [purecc-missed-parallel-calls]
  std::printf("%ld %s %ld %ld\n", s1, s2.substr(0, 8).c_str(), v, fib(20));
  // OUT: 7499939965 intminti 1592335 32838

  scale = 5;
  long s3 = 0;
  for (long i = 0; i < n; ++i)
    s3 += f(i) * scale;
  // REMARK: unmovable-names.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the loop body uses 'scale', which is 'thread_local' (each thread has its own) [purecc-missed-reduction]
  long w = g(scale) + g(scale + 1);
  // REMARK: unmovable-names.cpp:[[@LINE-1]]:12: remark: calls to 'g' and 'g' not parallelized: an argument of 'g' uses 'scale', which is 'thread_local' (each thread has its own) [purecc-missed-parallel-calls]
  std::printf("%ld %ld\n", s3, w);
  // OUT-NEXT: 7499939965 1168118

  Packed p{argc + 6, argc + 9};
  auto [x, y] = p;
  long s4 = 0;
  for (long i = 0; i < n; ++i)
    s4 += f(i + x);
  // REMARK: unmovable-names.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the loop body uses 'x', a structured binding of a bit-field (a lambda cannot capture it by reference) [purecc-missed-reduction]
  long u = f(x) + f(y);
  // REMARK: unmovable-names.cpp:[[@LINE-1]]:12: remark: calls to 'f' and 'f' not parallelized: an argument of 'f' uses 'x', a structured binding of a bit-field (a lambda cannot capture it by reference) [purecc-missed-parallel-calls]
  std::printf("%ld %ld\n", s4, u);
  // OUT-NEXT: 1499672811 744847

  std::vector<long> o(n);
  for (long i = 0; i < n; ++i) {
    static long cnt = 0;
    ++cnt;
    o[i] = f(i) + cnt;
  }
  // REMARK: unmovable-names.cpp:[[@LINE-5]]:3: remark: loop not parallelized: the loop body uses 'cnt', a 'static' local (one object that every run of the code shares) [purecc-missed-reduction]
  double best = -1;
  for (long i = 0; i < n; ++i) {
    static int seen = 0;
    ++seen;
    double d = double(f(i)) + seen * 1e-3;
    if (d > best)
      best = d;
  }
  // REMARK: unmovable-names.cpp:[[@LINE-7]]:3: remark: loop not parallelized: the loop body uses 'seen', a 'static' local (one object that every run of the code shares) [purecc-missed-reduction]
  long s5 = 0;
  for (long i = 0; i < n; ++i) {
    static const long offset[] = {3, 5, 7};
    s5 += f(i) + offset[i % 3];
  }
  // REMARK: unmovable-names.cpp:[[@LINE-4]]:3: remark: loop rewritten as a parallel reduction of 's5' [purecc-reduction]
  std::printf("%ld %.3f %ld\n", o[n - 1], best, s5);
  // OUT-NEXT: 837207 999985.990 1500002996
}
