// A run of statements whose calls are hoisted over statements between
// them (adv26): a write between them through a pointer, a reference, a
// reference member or a structured binding may reach what a later call
// reads by value (W1); a later call that throws must find the statements
// between earlier ones done (W2); moving a call to the first statement's
// line must not cross a '#define' or change '__LINE__' (W3); and a jump to
// a later label or 'case' may not cross the declaration of the results (C1).
// RUN: %purecc rewrite --remarks %s -o %t.rw.cpp -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: FileCheck %s --check-prefix=RW < %t.rw.cpp
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <stdexcept>

[[pure]] long fib(long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
// CHECK: statements-aliases-moves.cpp:[[@LINE-1]]:48: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
[[pure]] long slow(long n) { return n < 2 ? 1 : slow(n - 1) + slow(n - 2); }
// CHECK: statements-aliases-moves.cpp:[[@LINE-1]]:49: remark: calls to 'slow' and 'slow' run in parallel [purecc-parallel-calls]
[[pure]] long boom(long n) {
  if (n > 5)
    throw std::runtime_error("boom");
  return slow(n);
}

struct Q { long a, b; };
struct R { long &r; };

// W1: the later call reads 'x' by value, and the statement between them
// writes 'x' through something that reaches it.
long through_reference(long k, int argc) {
  long x = argc;
  long &rx = x;
  long e = fib(k);
  rx = 4;
  long f = slow(x + k - 4) + 1;
  // CHECK: statements-aliases-moves.cpp:[[@LINE-1]]:12: remark: calls to 'fib' and 'slow' not parallelized: 'rx = 4' between them writes through a pointer or reference, which may reach 'x', and the call to 'slow' reads it [purecc-missed-parallel-calls]
  return e + f;
}

long through_pointer(long k, int argc) {
  long x = argc;
  long *px = &x;
  long e = fib(k);
  *px += 3;
  long f = 2 * slow(x + k - 4);
  // CHECK: statements-aliases-moves.cpp:[[@LINE-1]]:16: remark: calls to 'fib' and 'slow' not parallelized: '*px += 3' between them writes through a pointer or reference, which may reach 'x', and the call to 'slow' reads it [purecc-missed-parallel-calls]
  return e + f;
}

long through_member_pointer(long k, int argc) {
  Q q{argc, 2};
  long *pa = &q.a;
  long e = fib(k);
  *pa = 4;
  long f = slow(q.a + k - 4) - 1;
  // CHECK: statements-aliases-moves.cpp:[[@LINE-1]]:12: remark: calls to 'fib' and 'slow' not parallelized: '*pa = 4' between them writes through a pointer or reference, which may reach 'q', and the call to 'slow' reads it [purecc-missed-parallel-calls]
  return e + f;
}

long through_reference_member(long k, int argc) {
  long x = argc;
  R hold{x};
  long e = fib(k);
  hold.r = 4;
  long f = slow(x + k - 4) + 1;
  // CHECK: statements-aliases-moves.cpp:[[@LINE-1]]:12: remark: calls to 'fib' and 'slow' not parallelized: 'hold' is written between them ('hold.r = 4'), and it may reach 'x', which the call to 'slow' reads [purecc-missed-parallel-calls]
  return e + f;
}

long through_binding(long k, int argc) {
  auto [a, b] = Q{argc + 0L, 2};
  long e = fib(k);
  ++a;
  long f = slow(a + k - 2);
  // CHECK: statements-aliases-moves.cpp:[[@LINE-1]]:12: remark: calls to 'fib' and 'slow' not parallelized: 'a' is written between them ('++a'), and the call to 'slow' reads '[a, b]' [purecc-missed-parallel-calls]
  return e + f + b;
}

// Control: a write to a local nothing else reaches lets the calls run.
long unrelated_write(long k, int argc) {
  long x = argc;
  long y = 0;
  long e = fib(k);
  // CHECK: statements-aliases-moves.cpp:[[@LINE-1]]:12: remark: calls to 'fib' and 'slow' run in parallel [purecc-parallel-calls]
  y = 4;
  long f = slow(x + k - 4) + 1;
  return e + f + y;
}

// W2: a later call that throws must find the statement between the
// earlier ones done, as the serial program does.
long write_then_throw(long k, int argc) {
  long x = argc;
  try {
    long e = fib(k);
    // CHECK-DAG: statements-aliases-moves.cpp:[[@LINE-1]]:14: remark: calls to 'fib' and 'slow' run in parallel [purecc-parallel-calls]
    x = 4;
    long f = slow(k) + 1;
    long g = boom(k) * 2;
    // CHECK-DAG: statements-aliases-moves.cpp:[[@LINE-1]]:14: remark: calls to 'slow' and 'boom' not parallelized: 'boom', which may throw, runs after 'x = 4' in the serial program, which would not run if it threw first [purecc-missed-parallel-calls]
    return e + f + g;
  } catch (std::exception &ex) {
    std::printf("%s x=%ld\n", ex.what(), x);
    return -1;
  }
}

// W3: with statements between, the later calls would move to the first
// statement's line: across a '#define', or changing '__LINE__'.
long across_define(long k, int argc) {
  long e = fib(k);
  long t = 0;
#define K2 (k - 1)
  long f = argc + slow(K2);
  // CHECK: statements-aliases-moves.cpp:[[@LINE-1]]:19: remark: calls to 'fib' and 'slow' not parallelized: a preprocessor directive stands between them, and the call to 'slow' would move before it [purecc-missed-parallel-calls]
#undef K2
  return e + f + t;
}

long line_macro(long k, int argc) {
  long e = fib(k);
  long t = 1;

  long f = argc + slow(k + __LINE__ % 5 - 3);
  // CHECK: statements-aliases-moves.cpp:[[@LINE-1]]:19: remark: calls to 'fib' and 'slow' not parallelized: the call to 'slow' is written with a macro, and the statements between them would move it to another line [purecc-missed-parallel-calls]
  return e + f + t;
}

// A callee's default argument '__builtin_LINE()' gives the line of the
// call, which the statements between them would move (adv27 W6).
[[pure]] long at(long n, long line = __builtin_LINE()) { return slow(n) + line % 5; }
long line_default(long k, int argc) {
  long e = fib(k);
  long t = 1;

  long f = argc + at(k);
  // CHECK: statements-aliases-moves.cpp:[[@LINE-1]]:19: remark: calls to 'fib' and 'at' not parallelized: the call to 'at' uses '__builtin_LINE()' (a default argument), and the statements between them would move it to another line [purecc-missed-parallel-calls]
  return e + f + t;
}

// C1: a jump to a later label or 'case' may not cross the declaration of
// the results, which would stand where the first statement stands.
long goto_over(long k, int argc) {
  long e = 0, f = 0;
  if (argc > 5)
    goto done;
  e = fib(k);
  // CHECK: statements-aliases-moves.cpp:[[@LINE-1]]:7: remark: calls to 'fib' and 'slow' not parallelized: a label or 'case' after them may be reached by a jump from before them, which may not cross the declaration of their results [purecc-missed-parallel-calls]
  f = 1 + slow(k);
done:
  return e + f;
}

long later_case(long k, int argc) {
  long e = 0, f = 0;
  switch (argc) {
  case 1:
    f = argc;
    e = fib(k);
    // CHECK: statements-aliases-moves.cpp:[[@LINE-1]]:9: remark: calls to 'fib' and 'slow' not parallelized: a label or 'case' after them may be reached by a jump from before them, which may not cross the declaration of their results [purecc-missed-parallel-calls]
    f += slow(k) * 2;
    break;
  case 2:
    e = 3;
    break;
  }
  return e * 7 + f;
}

// The same for one statement with two calls: its results get a block
// of their own.
long goto_over_one(long k, int argc) {
  long e = 0, f = 0;
  if (argc > 5)
    goto done;
  e = fib(k) + slow(k);
  // CHECK: statements-aliases-moves.cpp:[[@LINE-1]]:7: remark: calls to 'fib' and 'slow' run in parallel [purecc-parallel-calls]
  // RW: {{^}}  { auto [purecc_r{{[0-9]+}}, purecc_r{{[0-9]+}}] = ::purecc::parallel_invoke([&] { return fib(k); }, [&] { return slow(k); }); e = purecc_r{{[0-9]+}} + purecc_r{{[0-9]+}}; }{{$}}
  // RW: {{^}}done:
done:
  return e + f;
}

int main(int argc, char **) {
  long k = 20 + argc;
  std::printf("%ld %ld %ld %ld %ld %ld\n", through_reference(k, argc), through_pointer(k, argc),
              through_member_pointer(k, argc), through_reference_member(k, argc),
              through_binding(k, argc), unrelated_write(k, argc));
  std::printf("%ld\n", write_then_throw(k, argc));
  std::printf("%ld %ld %ld\n", across_define(k, argc), line_macro(k, argc), line_default(k, argc));
  std::printf("%ld %ld %ld\n", goto_over(k, argc), later_case(k, argc), goto_over_one(k, argc));
  // OUT: 28658 46368 28656 28658 28659 15132
  // OUT-NEXT: boom x=4
  // OUT-NEXT: -1
  // OUT-NEXT: 21893 {{[0-9]+}} {{[0-9]+}}
  // OUT-NEXT: 28658 112045 28657
}
