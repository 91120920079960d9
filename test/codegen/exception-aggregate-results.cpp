// An aggregate (or braced) initializer stores its target only once every
// element is built: `p = P{heavy(1), thrower(2)}` materializes the P, then
// assigns it, so when 'thrower' throws the serial program has stored
// nothing, and a handler reading 'p' sees its old value either way. Its
// calls run in parallel, as do the declaration form and a returned
// aggregate. Two statements (`a = heavy(1); b = thrower(2);`) store 'a'
// before 'thrower' runs and keep their order (exception-stored-results.cpp).
// An element after one that may throw is a call the serial program may
// never make: it stays where it is (speculation.cpp).
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

struct P {
  long a, b;
};

[[pure]] long heavy(long x) {
  long s = 0;
  for (long k = 0; k < 20000; ++k)
    s += (x * k) % 7;
  // REMARK-DAG: exception-aggregate-results.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  return s;
}
[[pure]] long thrower(long x) {
  if (heavy(x) >= 0 && x > 1)
    throw std::runtime_error("rejected " + std::to_string(x));
  return x;
}

[[pure]] P both(long x) {
  return P{heavy(x), thrower(x)};
  // CHECK: {{^}}  auto [purecc_r{{[0-9]+}}, purecc_r{{[0-9]+}}] = ::purecc::parallel_invoke([&] { return heavy(x); }, [&] { return thrower(x); }); return P{purecc_r{{[0-9]+}}, purecc_r{{[0-9]+}}};
  // REMARK-DAG: exception-aggregate-results.cpp:[[@LINE-2]]:12: remark: calls to 'heavy' and 'thrower' run in parallel [purecc-parallel-calls]
}

int main() {
  P p{-1, -1};
  try {
    p = P{heavy(1), thrower(2)};
    // CHECK: {{^}}    auto [purecc_r{{[0-9]+}}, purecc_r{{[0-9]+}}] = ::purecc::parallel_invoke([&] { return heavy(1); }, [&] { return thrower(2); }); p = P{purecc_r{{[0-9]+}}, purecc_r{{[0-9]+}}};
    // REMARK-DAG: exception-aggregate-results.cpp:[[@LINE-2]]:11: remark: calls to 'heavy' and 'thrower' run in parallel [purecc-parallel-calls]
  } catch (const std::exception &e) {
    std::printf("%s, p = %ld %ld\n", e.what(), p.a, p.b);
    // OUT: rejected 2, p = -1 -1
  }
  // Braces without the type name: the same.
  try {
    p = {heavy(3), thrower(1)};
    // REMARK-DAG: exception-aggregate-results.cpp:[[@LINE-1]]:10: remark: calls to 'heavy' and 'thrower' run in parallel [purecc-parallel-calls]
    std::printf("p = %ld %ld\n", p.a, p.b);
    // OUT-NEXT: p = 59997 1
    p = {heavy(4), thrower(5)};
    // REMARK-DAG: exception-aggregate-results.cpp:[[@LINE-1]]:10: remark: calls to 'heavy' and 'thrower' run in parallel [purecc-parallel-calls]
  } catch (const std::exception &e) {
    std::printf("%s, p = %ld %ld\n", e.what(), p.a, p.b);
    // OUT-NEXT: rejected 5, p = 59997 1
  }
  // A std::vector assigned from braces builds its initializer list first.
  std::vector<long> v{7};
  try {
    v = {heavy(6), thrower(7)};
    // REMARK-DAG: exception-aggregate-results.cpp:[[@LINE-1]]:10: remark: calls to 'heavy' and 'thrower' run in parallel [purecc-parallel-calls]
  } catch (const std::exception &e) {
    std::printf("%s, v = %zu %ld\n", e.what(), v.size(), v[0]);
    // OUT-NEXT: rejected 7, v = 1 7
  }
  try {
    P q{heavy(8), thrower(9)};
    // REMARK-DAG: exception-aggregate-results.cpp:[[@LINE-1]]:9: remark: calls to 'heavy' and 'thrower' run in parallel [purecc-parallel-calls]
    std::printf("%ld\n", q.a);
  } catch (const std::exception &e) {
    std::printf("%s\n", e.what());
    // OUT-NEXT: rejected 9
  }
  try {
    P r = both(1);
    std::printf("both: %ld %ld\n", r.a, r.b);
    // OUT-NEXT: both: 59997 1
    r = both(10);
  } catch (const std::exception &e) {
    std::printf("%s, p = %ld %ld\n", e.what(), p.a, p.b);
    // OUT-NEXT: rejected 10, p = 59997 1
  }
  // Two statements: 'a' is stored before 'thrower' runs.
  long a = -1, b = -1;
  try {
    a = heavy(11);
    b = thrower(12);
    // REMARK-DAG: exception-aggregate-results.cpp:[[@LINE-1]]:9: remark: calls to 'heavy' and 'thrower' not parallelized: 'thrower' may throw, and 'a' is declared outside the 'try' statement on line [[@LINE-3]], whose handlers read it after the exception: the serial program has stored the earlier results by then, the parallel one none of them [purecc-missed-parallel-calls]
  } catch (const std::exception &e) {
    std::printf("%s, a = %ld, b = %ld\n", e.what(), a, b);
    // OUT-NEXT: rejected 12, a = 59997, b = -1
  }
  // An element after one that may throw is not reached when it throws.
  try {
    p = P{thrower(13), heavy(14)};
    // REMARK-DAG: exception-aggregate-results.cpp:[[@LINE-1]]:11: remark: calls to 'thrower' and 'heavy' not parallelized: the call to 'heavy' comes after 'thrower', which may throw [purecc-missed-parallel-calls]
  } catch (const std::exception &e) {
    std::printf("%s, p = %ld %ld\n", e.what(), p.a, p.b);
    // OUT-NEXT: rejected 13, p = 59997 1
  }
}
