// Sibling calls whose rewrite moves the code around them, where that code
// names its place (adv37 t02, t03). A region in a '?:' branch becomes an
// immediately invoked lambda, in which '__func__' and
// '__builtin_FUNCTION()' name 'operator()' (the lambda's); a statement
// whose calls are hoisted gets the results declared in front of it on its
// line, and a run of statements gets names in place of its calls, which
// move the column 'std::source_location::current()' reports. Those stay
// serial; '__func__' in a hoisted statement, which stays in its function,
// does not stop it.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <source_location>

[[pure]] long fib(long n) {
  long a = 0, b = 1;
  for (long i = 0; i < n * 40000; ++i) {
    long t = (a + b) % 1000003;
    a = b;
    b = t;
  }
  return a;
}

[[pure]] long named(long n) {
  return n < 2 ? n : fib(n - 1) - fib(n - 2) + (long)sizeof(__func__);
  // REMARK-DAG: moved-place-names.cpp:[[@LINE-1]]:22: remark: calls to 'fib' and 'fib' not parallelized: the expression around them uses '__func__', which names the function it is written in, and it would move into a lambda [purecc-missed-parallel-calls]
}

[[pure]] long builtin(long n) {
  return n < 2 ? n : fib(n - 1) - fib(n - 2) + (long)__builtin_strlen(__builtin_FUNCTION());
  // REMARK-DAG: moved-place-names.cpp:[[@LINE-1]]:22: remark: calls to 'fib' and 'fib' not parallelized: the expression around them uses '__builtin_FUNCTION()', which names the function it is written in, and it would move into a lambda [purecc-missed-parallel-calls]
}

int main(int argc, char **) {
  // OUT: named 494845 builtin 494846
  std::printf("named %ld builtin %ld\n", named(20 + argc), builtin(20 + argc));
  // REMARK-DAG: moved-place-names.cpp:[[@LINE-1]]:42: remark: calls to 'named' and 'builtin' run in parallel [purecc-parallel-calls]

  // The columns are printed relative to c0's (the same text), so that the
  // serial builds of both compilers print the same.
  long                                                         c0 = (long)std::source_location::current().column();
  long x = fib(20 + argc) - fib(19 + argc) + (long)std::source_location::current().column() - c0;
  // REMARK-DAG: moved-place-names.cpp:[[@LINE-1]]:12: remark: calls to 'fib' and 'fib' not parallelized: the statement uses 'std::source_location::current()', which gives the column it is written at, which the rewrite moves [purecc-missed-parallel-calls]
  long y = fib(22 + argc) * 3 +                                  (long)std::source_location::current().column() - c0;
  long z = fib(21 + argc);
  // REMARK-DAG: moved-place-names.cpp:[[@LINE-1]]:12: remark: calls to 'fib' and 'fib' not parallelized: the statement that calls 'fib' uses 'std::source_location::current()', which gives the column it is written at, which the rewrite moves [purecc-missed-parallel-calls]
  // OUT-NEXT: columns -54975 2754330 212119
  std::printf("columns %ld %ld %ld\n", x, y, z);

  // A statement between the run's calls that stands on the line of one.
  {
    long u = fib(23 + argc); long v =                           (long)std::source_location::current().column() - c0; long w = fib(24 + argc);
    // REMARK-DAG: moved-place-names.cpp:[[@LINE-1]]:127: remark: calls to 'fib' and 'fib' not parallelized: the statement on line [[@LINE-1]] between them uses 'std::source_location::current()', which gives the column it is written at, which the rewrite moves [purecc-missed-parallel-calls]
    // OUT-NEXT: gap -4
    std::printf("gap %ld\n", u + v + w - u - w);
  }

  // '__func__' in a hoisted statement still names 'main'.
  long f = fib(25 + argc) - fib(24 + argc) + (long)sizeof(__func__);
  // REMARK-DAG: moved-place-names.cpp:[[@LINE-1]]:12: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
  // OUT-NEXT: func {{[0-9]+}}
  std::printf("func %ld\n", f);
  return 0;
}
