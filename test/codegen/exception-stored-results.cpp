// Statements whose calls run in parallel store their results only after
// every call has returned. When a later call throws, the serial program has
// already stored the earlier statements' results, and a handler that can
// read them (the variable is declared outside the `try`) sees them there;
// the parallel run would show the values from before. Such statements keep
// their order, with the reason. Results declared inside the `try`, which no
// handler sees, still run in parallel, and so do calls that cannot throw.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <stdexcept>
#include <string>

[[pure]] long heavy(long x) {
  long s = 0;
  for (long k = 0; k < 20000; ++k)
    s += (x * k) % 7;
  // REMARK-DAG: exception-stored-results.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  return s;
}
[[pure]] long checked(long x) {
  if (heavy(x) >= 0)
    throw std::runtime_error("rejected " + std::to_string(x));
  return x;
}

int main() {
  long a = 0, b = 0, c = 0;
  try {
    a = heavy(1);
    b = heavy(2);
    c = checked(3);
    // REMARK-DAG: exception-stored-results.cpp:[[@LINE-3]]:9: remark: calls to 'heavy' and 'heavy' run in parallel [purecc-parallel-calls]
    // REMARK-DAG: exception-stored-results.cpp:[[@LINE-2]]:9: remark: calls to 'heavy', 'heavy' and 'checked' not parallelized: 'checked' may throw, and 'a' is declared outside the 'try' statement on line [[@LINE-5]], whose handlers read it after the exception: the serial program has stored the earlier results by then, the parallel one none of them [purecc-missed-parallel-calls]
  } catch (const std::exception &e) {
    std::printf("%s after %ld %ld %ld\n", e.what(), a, b, c);
    // OUT: rejected 3 after 59997 59997 0
  }

  try {
    long d = heavy(4);
    long e = checked(5);
    // REMARK-DAG: exception-stored-results.cpp:[[@LINE-2]]:14: remark: calls to 'heavy' and 'checked' run in parallel [purecc-parallel-calls]
    std::printf("%ld %ld\n", d, e);
  } catch (const std::exception &e) {
    std::printf("%s\n", e.what());
    // OUT-NEXT: rejected 5
  }

  // One expression: the comma stores 'h' before 'checked' is called.
  long h = 0, k = 0;
  try {
    h = heavy(8), k = checked(9);
    // REMARK-DAG: exception-stored-results.cpp:[[@LINE-1]]:9: remark: calls to 'heavy' and 'checked' not parallelized: a call may throw, and 'h' is declared outside the 'try' statement on line [[@LINE-2]], whose handlers read it after the exception: the serial program stores it before the call, the parallel one only after all [purecc-missed-parallel-calls]
  } catch (const std::exception &e) {
    std::printf("%s after %ld %ld\n", e.what(), h, k);
    // OUT-NEXT: rejected 9 after 59997 0
  }

  // A lambda's captures are read by the handler around its call.
  long m = 0, q = 0;
  auto both = [&] {
    m = heavy(10);
    q = checked(11);
    // REMARK-DAG: exception-stored-results.cpp:[[@LINE-1]]:9: remark: calls to 'heavy' and 'checked' not parallelized: 'checked' may throw, and 'm' is captured by the lambda on line [[@LINE-3]], whose caller may catch the exception and read it: the serial program has stored the earlier results by then, the parallel one none of them [purecc-missed-parallel-calls]
  };
  try {
    both();
  } catch (const std::exception &e) {
    std::printf("%s after %ld %ld\n", e.what(), m, q);
    // OUT-NEXT: rejected 11 after 59997 0
  }

  long f = 0, g = 0;
  f = heavy(6);
  g = heavy(7);
  // REMARK-DAG: exception-stored-results.cpp:[[@LINE-2]]:7: remark: calls to 'heavy' and 'heavy' run in parallel [purecc-parallel-calls]
  std::printf("%ld %ld\n", f, g);
  // OUT-NEXT: 59997 0
}
