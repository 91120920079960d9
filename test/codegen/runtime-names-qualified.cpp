// Generated code names the runtime from the global namespace,
// '::purecc::parallel_invoke', so a user's own 'purecc' where the rewritten
// code sits (a namespace 'app::purecc', a template parameter or a local
// variable named 'purecc') does not capture the name (adv31 C2, C3: the
// rewritten unit did not compile). The template specialization of a codec
// is the one exception: it sits at file scope, where a global qualifier is
// not allowed on the class it names.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace app {
namespace purecc {
inline long parallel_invoke = 0; // the user's own, never the runtime
struct leaf_size {};
} // namespace purecc

[[pure]] long slow(long n) { return n < 2 ? n : slow(n - 1) + slow(n - 2); }
[[pure]] std::optional<std::vector<long>> row(long k) { return std::vector<long>(2, slow(k)); }

long pair(long k) {
  long a = slow(k);
  long b = slow(k + 1);
  // CHECK: {{^}}  auto [purecc_r[[A:[0-9]+]], purecc_r[[B:[0-9]+]]] = ::purecc::parallel_invoke([&] { return slow(k); },
  return a + b;
}

long rows(long k) {
  auto a = row(k);
  auto b = row(k + 1);
  // CHECK: = ::purecc::take_result(purecc_r{{[0-9]+}}); auto b = ::purecc::take_result(purecc_r{{[0-9]+}});
  return (*a)[0] + (*b)[1];
}

long total(long n) {
  long s = 0;
  for (long i = n; i > 0; i -= 3)
    s += slow(i % 20);
  // CHECK: s += ::purecc::parallel_reduce(
  return s;
}

std::vector<long> table(long n) {
  std::vector<long> out(n);
  for (long i = 0; i < n; ++i)
    out[i] = slow(i % 20);
  // CHECK: ::purecc::parallel_for(
  return out;
}

long best(long n) {
  long arg = -1, low = 1L << 40;
  for (long i = 0; i < n; ++i) {
    long d = slow(i % 23) - 100;
    if (d < 0) d = -d;
    if (d < low) { low = d; arg = i; }
  }
  // CHECK: ::purecc::parallel_reduce(
  return arg * 1000 + low;
}

struct Span { long from, to; };
[[pure]] [[purecc::memo]] long span_sum(Span s) {
  long t = 0;
  for (long i = s.from; i < s.to; ++i) t += i % 7;
  return t;
}
// CHECK: } template <> struct purecc::codec<app::Span> : ::purecc::fields<&app::Span::from, &app::Span::to> {};
// CHECK: static const ::purecc::MemoSite purecc_site{{[0-9]*}}{"app::span_sum",
} // namespace app

template <class purecc> [[pure]] long twice(purecc k) {
  long a = app::slow(k);
  long b = app::slow(k + 2);
  // CHECK: = ::purecc::parallel_invoke([&] { return app::slow(k); },
  return a * b;
}

long shadowed_by_local(long k) {
  int purecc = 3;
  long a = app::slow(k);
  long b = app::slow(k + purecc);
  // CHECK: = ::purecc::parallel_invoke([&] { return app::slow(k); },
  return a - b;
}

int main() {
  std::printf("%ld %ld %ld\n", app::pair(25), app::rows(24), app::total(200));
  long t = 0;
  for (long v : app::table(300)) t += v;
  std::printf("%ld %ld %ld %ld %ld\n", t, app::best(400), twice(20), shadowed_by_local(21), app::purecc::parallel_invoke);
  std::printf("%ld\n", app::span_sum({3, 1000}) + app::span_sum({3, 1000}));
}
// OUT:      196418 121393 34925
// OUT-NEXT: 164175 11011 119814915 -35422 0
// OUT-NEXT: 5988
