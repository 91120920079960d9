// A task's result reaches the variable, the argument or the operand where
// the serial program used its call as a prvalue, 'purecc::take_result(r)':
// 'auto a = ...' keeps its type, 'a = ...' assigns, an argument binds. g++ 12 at
// -O1 warned -Wmaybe-uninitialized on '**a' when the result was moved
// with 'std::move(r)' and the optional's engaged flag came from the
// runtime's storage (adv30 C3, GCC PR 80635): the e2e build uses -Werror.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

[[pure]] long slow(long n) { return n < 2 ? 1 : slow(n - 1) + slow(n - 2); }
[[pure]] std::optional<std::unique_ptr<long>> boxed(long k) { return std::make_unique<long>(slow(k)); }
[[pure]] std::optional<std::vector<long>> row(long k) { return std::vector<long>(3, slow(k)); }
[[pure]] std::variant<long, std::unique_ptr<long>> either(long k) {
  if (k % 2) return slow(k);
  return std::make_unique<long>(slow(k) + 1);
}
long size_of(const std::optional<std::vector<long>> &o) { return o ? static_cast<long>(o->size()) : -1; }

long boxes(long k) {
  auto a = boxed(k);
  auto b = boxed(k + 1);
  // CHECK:      {{^}}  auto [purecc_r[[A:[0-9]+]], purecc_r[[B:[0-9]+]]] = ::purecc::parallel_invoke([&] { return boxed(k); },
  // CHECK-NEXT: {{^}}  [&] { return boxed(k + 1); }); auto a = ::purecc::take_result(purecc_r[[A]]); auto b = ::purecc::take_result(purecc_r[[B]]);
  static_assert(std::is_same_v<decltype(a), std::optional<std::unique_ptr<long>>>);
  return **a + **b;
}

long rows(long k) {
  std::optional<std::vector<long>> a;
  a = row(k);
  auto b = row(k + 1);
  // CHECK:      {{^}}  auto [purecc_r[[A:[0-9]+]], purecc_r[[B:[0-9]+]]] = ::purecc::parallel_invoke([&] { return row(k); },
  // CHECK-NEXT: {{^}}  [&] { return row(k + 1); }); a = ::purecc::take_result(purecc_r[[A]]); auto b = ::purecc::take_result(purecc_r[[B]]);
  return (*a)[0] + (*b)[2] + static_cast<long>(a->size());
}

long sizes(long k) {
  return size_of(row(k)) + size_of(row(k + 2));
  // CHECK: {{^}}  auto [purecc_r[[A:[0-9]+]], purecc_r[[B:[0-9]+]]] = ::purecc::parallel_invoke([&] { return row(k); }, [&] { return row(k + 2); }); return ::size_of(::purecc::take_result(purecc_r[[A]])) + ::size_of(::purecc::take_result(purecc_r[[B]]));
}

long eithers(long k) {
  auto a = either(k);
  auto b = either(k + 1);
  // CHECK: auto a = ::purecc::take_result(purecc_r{{[0-9]+}}); auto b = ::purecc::take_result(purecc_r{{[0-9]+}});
  long sa = a.index() == 0 ? std::get<0>(a) : *std::get<1>(a);
  long sb = b.index() == 0 ? std::get<0>(b) : *std::get<1>(b);
  return sa * 1000 + sb;
}

int main(int argc, char **) {
  long k = 18 + argc;
  std::printf("%ld %ld %ld %ld\n", boxes(k), rows(k), sizes(k), eithers(k));
  // OUT: 17711 17714 6 6775947
  return 0;
}
