// Code that may not return where the AST shows no call of 'exit' (adv57):
// a constructor, the destructor of a local or a temporary, a call through
// a 'noexcept' function pointer, a 'noexcept' virtual function whose
// override purecc does not see, a function defined in another file. Each
// keeps the later pure call after it, as 'assert' does
// (statements-no-return.cpp); a '[[pure]]' virtual function's calls still
// run in parallel. With FAIL=n, the check in function n ends the serial
// program (exit status 5) before 'endless'; the rewritten one must too, not
// hang.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 -DOTHER_FILE 2>&1 | FileCheck %s --check-prefix=OTHER
// RUN: env E2E_TIMEOUT=120 %e2e %s %t | FileCheck %s --check-prefix=OUT
// RUN: env E2E_TIMEOUT=120 E2E_CPPFLAGS=-DFAIL=1 %e2e %s %t1 | FileCheck %s --check-prefix=FAIL
// RUN: env E2E_TIMEOUT=120 E2E_CPPFLAGS=-DFAIL=5 %e2e %s %t5 | FileCheck %s --check-prefix=FAIL
// RUN: env E2E_TIMEOUT=120 E2E_CPPFLAGS=-DFAIL=6 %e2e %s %t6 | FileCheck %s --check-prefix=FAIL

#include <cstdio>
#include <cstdlib>

#ifndef FAIL
#define FAIL 0
#endif

[[pure]] long fib(long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
// CHECK: statements-no-return-hidden.cpp:[[@LINE-1]]:48: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
// Never ends when n >= lim: the serial program never calls it so.
[[pure]] long endless(long n, long lim) {
  long s = 0;
  for (long i = 0; n >= lim || i < n; ++i)
  // CHECK: statements-no-return-hidden.cpp:[[@LINE-1]]:3: remark: loop not parallelized: the condition 'n >= lim || i < n' does not compare 'i' itself with a bound ('i < e', 'i <= e', 'i != e', 'i > e', 'i >= e') [purecc-missed-reduction]
    s += fib(i % 20);
  return s;
}

[[noreturn]] void reject() {
  std::puts("rejected");
  std::fflush(stdout);
  std::exit(5);
}

struct Guard {
  long n, lim;
  ~Guard() {
    if (n >= lim)
      reject();
  }
};
long validated(long n, long lim) {
  Guard g{n, lim};
  return n;
}

struct Checked {
  long v;
  Checked(long n, long lim) : v(n) {
    if (n >= lim)
      reject();
  }
};

long check_noexcept(long n, long lim) noexcept {
  if (n >= lim)
    reject();
  return n;
}

struct Validator {
  virtual long check(long n, long) const noexcept { return n; }
  [[pure]] virtual long area(long n) const noexcept { return fib(n); }
  virtual ~Validator() = default;
};
struct Strict : Validator {
  long check(long n, long lim) const noexcept override { return check_noexcept(n, lim); }
};

// A local's destructor ends the program, in a function it calls.
long destructor(long k, long lim) {
  long a = fib(k);
  validated(k, lim);
  long b = endless(k, lim);
  // CHECK: statements-no-return-hidden.cpp:[[@LINE-1]]:12: remark: calls to 'fib' and 'endless' not parallelized: 'validated', which may not return, runs between them, and the serial program does not make the later call then [purecc-missed-parallel-calls]
  return a + b;
}

// The constructor of a local, and of a temporary.
long constructor(long k, long lim) {
  long a = fib(k);
  Checked c(k, lim);
  long b = endless(k, lim);
  // CHECK: statements-no-return-hidden.cpp:[[@LINE-1]]:12: remark: calls to 'fib' and 'endless' not parallelized: the constructor of 'Checked', which may not return, runs between them, and the serial program does not make the later call then [purecc-missed-parallel-calls]
  return a + b + c.v;
}
long temporary(long k, long lim) {
  return fib(k) + Checked(k, lim).v + endless(k, lim);
  // CHECK: statements-no-return-hidden.cpp:[[@LINE-1]]:10: remark: calls to 'fib' and 'endless' not parallelized: the call to 'endless' comes after the constructor of 'Checked', which may not return [purecc-missed-parallel-calls]
}

// Through a 'noexcept' pointer that holds a known function: its body.
long known_pointer(long k, long lim) {
  long (*check)(long, long) noexcept = &check_noexcept;
  long a = fib(k);
  check(k, lim);
  long b = endless(k, lim);
  // CHECK: statements-no-return-hidden.cpp:[[@LINE-1]]:12: remark: calls to 'fib' and 'endless' not parallelized: 'check_noexcept', which may not return, runs between them, and the serial program does not make the later call then [purecc-missed-parallel-calls]
  return a + b;
}

// Through a pointer the caller chooses: anything.
long pointer_parameter(long k, long lim, long (*check)(long, long) noexcept) {
  long a = fib(k);
  check(k, lim);
  long b = endless(k, lim);
  // CHECK: statements-no-return-hidden.cpp:[[@LINE-1]]:12: remark: calls to 'fib' and 'endless' not parallelized: the call through 'check', which may not return, runs between them, and the serial program does not make the later call then [purecc-missed-parallel-calls]
  return a + b;
}

// A virtual call through a reference may run an override purecc does not
// see; a '[[pure]]' one keeps its contract in every override.
long virtual_call(const Validator &v, long k, long lim) {
  long a = v.area(k);
  // CHECK-DAG: statements-no-return-hidden.cpp:[[@LINE-1]]:14: remark: calls to 'Validator::area' and 'Validator::area' run in parallel [purecc-parallel-calls]
  long c = v.area(k - 1);
  v.check(k, lim);
  long b = endless(k, lim);
  // CHECK-DAG: statements-no-return-hidden.cpp:[[@LINE-1]]:12: remark: calls to 'Validator::area' and 'endless' not parallelized: 'check' (virtual: an override purecc does not see may run), which may not return, runs between them, and the serial program does not make the later call then [purecc-missed-parallel-calls]
  return a + b + c;
}

// Defined in another file (here: hidden from purecc by -DOTHER_FILE).
long elsewhere(long n, long lim) noexcept;
long other_file(long k, long lim) {
  long a = fib(k);
  elsewhere(k, lim);
  long b = endless(k, lim);
  // CHECK: statements-no-return-hidden.cpp:[[@LINE-1]]:12: remark: calls to 'fib' and 'endless' not parallelized: 'elsewhere', which may not return, runs between them, and the serial program does not make the later call then [purecc-missed-parallel-calls]
  // OTHER: statements-no-return-hidden.cpp:[[@LINE-2]]:12: remark: calls to 'fib' and 'endless' not parallelized: 'elsewhere' (defined in another file), which may not return, runs between them, and the serial program does not make the later call then [purecc-missed-parallel-calls]
  return a + b;
}
#ifndef OTHER_FILE
long elsewhere(long n, long lim) noexcept { return check_noexcept(n, lim); }
#endif

int main(int argc, char **) {
  long k = 20 + argc;
  long lim = 40;
  Strict strict;
  std::printf("%ld %ld %ld %ld\n", destructor(k, lim), constructor(k, lim), temporary(k, lim),
              known_pointer(k, lim));
  std::printf("%ld %ld %ld\n", pointer_parameter(k, lim, check_noexcept),
              virtual_call(strict, k, lim), other_file(k, lim));
  std::fflush(stdout);
  if (FAIL == 1)
    std::printf("%ld\n", destructor(k, k));
  if (FAIL == 5)
    std::printf("%ld\n", pointer_parameter(k, k, check_noexcept));
  if (FAIL == 6)
    std::printf("%ld\n", virtual_call(strict, k, k));
  // OUT: 21891 21912 21912 21891
  // OUT-NEXT: 21891 28656 21891
  // FAIL: 21891 21912 21912 21891
  // FAIL-NEXT: 21891 28656 21891
  // FAIL-NEXT: rejected
  // FAIL-NOT: {{.}}
}
