// Lambda bodies are planned like function bodies: their loops become
// reductions and maps, their independent calls parallel tasks (a lambda has
// no name to dispatch through, so it gets no serial clone). Generic lambdas
// and lambdas written `constexpr` are left alone, with a remark; so are
// lambdas the program calls where the compiler evaluates them (constexpr
// implicitly: the rewritten unit did not compile, adv36 t07).
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=LEFT
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <vector>

[[pure]] long sq(long x) { return x * x; }
[[pure]] constexpr long cfib(int n) { return n < 2 ? n : cfib(n - 1) + cfib(n - 2); }
[[pure]] long fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
// REMARK: lambdas.cpp:[[@LINE-1]]:47: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
// REMARK: lambdas.cpp:[[@LINE+36]]:47: remark: calls to 'both' and 'generic' run in parallel [purecc-parallel-calls]

int main() {
  const long n = 100000;
  auto total = [&] {
    long s = 0;
    for (long i = 0; i < n; ++i)
      s += sq(i) % 7;
    // CHECK: {{^}}    s = ::purecc::wrapping_add<long>(s, ::purecc::parallel_reduce(0, n, long{}, [&](std::int64_t i) -> long { ::purecc::wrapping<long> purecc_acc_{{[0-9]+}} = long{}; {
    // REMARK: lambdas.cpp:[[@LINE-3]]:5: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
    return s;
  }();
  auto both = [](int k) { return fib(k) + fib(k + 1); };
  // CHECK: {{^}}  auto both = [](int k) { auto {{\[}}[[A:purecc_r[0-9]+]], [[B:purecc_r[0-9]+]]] = ::purecc::parallel_invoke([&] { return fib(k); }, [&] { return fib(k + 1); }); return [[A]] + [[B]]; };
  // REMARK: lambdas.cpp:[[@LINE-2]]:34: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
  std::vector<long> out(5000);
  auto fill = [&](int k) {
    for (int i = 0; i < 5000; ++i)
      out[i] = sq(i + k);
    // CHECK: {{^}}    ::purecc::parallel_for(0, 5000, [&](std::int64_t [[I:purecc_i[0-9]+]]) { int i = static_cast<int>([[I]]); {
    // REMARK: lambdas.cpp:[[@LINE-3]]:5: remark: loop rewritten as a parallel map over 'out' [purecc-parallel-map]
  };
  fill(3);
  // Left alone: a generic lambda, and one written constexpr.
  auto generic = [](auto k) { return fib(k) + fib(k + 1); };
  // CHECK: {{^}}  auto generic = [](auto k) { return fib(k) + fib(k + 1); };
  // LEFT: lambdas.cpp:[[@LINE-2]]:18: remark: body of 'operator()' not rewritten: it is a generic lambda (a template) [purecc-not-rewritten]
  auto constant = [](int k) constexpr { return sq(k) + sq(k + 1); };
  // CHECK: {{^}}  auto constant = [](int k) constexpr { return sq(k) + sq(k + 1); };
  // LEFT: lambdas.cpp:[[@LINE-2]]:19: remark: body of 'operator()' not rewritten: it is 'constexpr' [purecc-not-rewritten]
  auto step = [](int k) { return cfib(k - 1) + cfib(k - 2); };
  // CHECK: {{^}}  auto step = [](int k) { return cfib(k - 1) + cfib(k - 2); };
  // LEFT: lambdas.cpp:[[@LINE-2]]:15: remark: body of 'operator()' not rewritten: it is evaluated in a constant expression [purecc-not-rewritten]
  static_assert(step(12) == 144);
  std::printf("%ld\n", step(20));
  // OUT: 6765
  std::printf("%ld %ld %ld %ld %ld\n", total, both(20), out[4999], generic(10), constant(3));
  return 0;
}
// OUT-NEXT: 199999 17711 25020004 144 25
