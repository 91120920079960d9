// In a distributed build (PURECC_DISTRIBUTED defined) a branch of parallel
// calls that can travel becomes purecc::call_at: a captureless lambda
// around the call, its arguments evaluated by the caller, registered under
// the callee's linker name. A call that cannot travel stays a local branch
// of the same purecc::invoke_at, with a remark saying why; the fast clone
// keeps the parallel version while branches may still be offered.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=purecc-task
// RUN: %purecc rewrite %s -o - -- -std=c++20 -DLOCAL_BUILD | grep -v "//" | FileCheck %s --check-prefix=LOCAL --implicit-check-not=invoke_at --implicit-check-not=may_offer_calls
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#ifndef LOCAL_BUILD
#define PURECC_DISTRIBUTED 1
#endif

#include <cstdio>
#include <stdexcept>
#include <vector>

[[pure]] long fib(int n) {
  if (n < 2)
    return n;
  return fib(n - 1) + fib(n - 2);
  // CHECK: {{^}}/*{{\[\[}}pure]]*/ long fib(int n) { if (!::purecc::should_spawn() && !::purecc::may_offer_calls()) return purecc_serial_fib_{{[0-9]+}}(n);
  // CHECK: {{^}}  auto [purecc_r{{[0-9]+}}, purecc_r{{[0-9]+}}] = ::purecc::invoke_at(::purecc::call_at<"_Z3fibi#call", 0x{{[0-9a-f]+}}ULL, 0x{{[0-9a-f]+}}ULL>([](const int &purecc_arg_0) -> long { return fib(purecc_arg_0); }, n - 1), ::purecc::call_at<"_Z3fibi#call", 0x{{[0-9a-f]+}}ULL, 0x{{[0-9a-f]+}}ULL>([](const int &purecc_arg_0) -> long { return fib(purecc_arg_0); }, n - 2)); return purecc_r{{[0-9]+}} + purecc_r{{[0-9]+}};
  // REMARK: task-registry-calls.cpp:[[@LINE-3]]:10: remark: this parallel call can run on other ranks under mpirun (task '_Z3fibi#call') [purecc-task]
  // REMARK: task-registry-calls.cpp:[[@LINE-4]]:23: remark: this parallel call can run on other ranks under mpirun (task '_Z3fibi#call') [purecc-task]
  // LOCAL: {{^}}  auto [purecc_r{{[0-9]+}}, purecc_r{{[0-9]+}}] = ::purecc::parallel_invoke([&] { return fib(n - 1); }, [&] { return fib(n - 2); }); return purecc_r{{[0-9]+}} + purecc_r{{[0-9]+}};
}

// A vector argument travels through its codec; a pointer cannot travel.
// (By const reference: the analysis takes a by-value copy of a vector to
// be able to throw, and a call after one that may throw is not run in
// parallel with it: docs/codegen.md, "Speculation".)
[[pure]] long total(const std::vector<long> &v, int lo, int hi) {
  if (hi - lo < 2)
    return lo < hi ? v[static_cast<unsigned>(lo)] : 0;
  int mid = lo + (hi - lo) / 2;
  return total(v, lo, mid) + total(v, mid, hi);
  // CHECK: ::purecc::invoke_at(::purecc::call_at<"_Z5totalRKSt6vectorIlSaIlEEii#call", 0x{{[0-9a-f]+}}ULL, 0x{{[0-9a-f]+}}ULL>([](const std::vector<long> &purecc_arg_0, const int &purecc_arg_1, const int &purecc_arg_2) -> long { return ::total(purecc_arg_0, purecc_arg_1, purecc_arg_2); }, v, lo, mid),
  // REMARK: task-registry-calls.cpp:[[@LINE-2]]:10: remark: this parallel call can run on other ranks under mpirun (task '_Z5totalRKSt6vectorIlSaIlEEii#call') [purecc-task]
  // REMARK: task-registry-calls.cpp:[[@LINE-3]]:30: remark: this parallel call can run on other ranks under mpirun (task '_Z5totalRKSt6vectorIlSaIlEEii#call') [purecc-task]
}

[[pure]] long walk(const long *p, int n) {
  if (n < 2)
    return p[0] + n;
  return walk(p, n - 1) + walk(p, n - 2);
  // CHECK: {{^}}  auto [purecc_r{{[0-9]+}}, purecc_r{{[0-9]+}}] = ::purecc::parallel_invoke([&] { return walk(p, n - 1); }, [&] { return walk(p, n - 2); });
  // REMARK: task-registry-calls.cpp:[[@LINE-2]]:10: remark: this parallel call runs on this process only, not on other ranks: argument 1: {{.*}} [purecc-task-local]
  // REMARK: task-registry-calls.cpp:[[@LINE-3]]:27: remark: this parallel call runs on this process only, not on other ranks: argument 1: {{.*}} [purecc-task-local]
}

[[pure]] int checked(int i) {
  if (i < 0)
    throw std::out_of_range("negative");
  return i;
}

// An argument that may throw is evaluated by the branch itself, as the
// serial program evaluates it: that branch stays local. (Last: a call after
// it would be one the serial program does not make when it throws.)
[[pure]] long pick(int i) {
  if (i < 2)
    return i;
  return fib(i - 2) + fib(checked(i - 1));
  // CHECK: ::purecc::invoke_at(::purecc::call_at<"_Z3fibi#call", {{.*}}, i - 2), [&] { return fib(checked(i - 1)); });
  // REMARK: task-registry-calls.cpp:[[@LINE-2]]:10: remark: this parallel call can run on other ranks under mpirun (task '_Z3fibi#call') [purecc-task]
  // REMARK: task-registry-calls.cpp:[[@LINE-3]]:23: remark: this parallel call runs on this process only, not on other ranks: an argument of 'fib' may throw, and a branch that travels has its arguments evaluated first [purecc-task-local]
}

int main() {
  std::vector<long> v{3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5};
  long one = 1;
  // A braced list's elements run in the order written (a function's
  // arguments run in either order, and 'pick' may throw: adv56 t04): they
  // run in parallel, and the one given an address stays on this process.
  long r[4] = {fib(20), total(v, 0, 11), walk(&one, 12), pick(20)};
  std::printf("%ld %ld %ld %ld\n", r[0], r[1], r[2], r[3]);
  // REMARK: task-registry-calls.cpp:[[@LINE-2]]:16: remark: this parallel call can run on other ranks under mpirun (task '_Z3fibi#call') [purecc-task]
  // REMARK: task-registry-calls.cpp:[[@LINE-3]]:25: remark: this parallel call can run on other ranks under mpirun (task '_Z5totalRKSt6vectorIlSaIlEEii#call') [purecc-task]
  // REMARK: task-registry-calls.cpp:[[@LINE-4]]:42: remark: this parallel call runs on this process only, not on other ranks: argument 1: 'const long *' is not a value type [purecc-task-local]
  // REMARK: task-registry-calls.cpp:[[@LINE-5]]:58: remark: this parallel call can run on other ranks under mpirun (task '_Z4picki#call') [purecc-task]
  // OUT: 6765 44 377 6765
}
