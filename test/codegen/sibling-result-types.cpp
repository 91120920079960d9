// The result of a call that becomes a task is moved out of it, where the
// serial program constructs it in place: a type whose copy or move runs
// the user's code stays serial (adv27 W4; a 'std::variant' holding such a
// type too, adv29 W1, but not a 'std::unique_ptr' to one, whose move moves
// a pointer), and one with an 'explicit' move constructor compiles (adv27
// C2). 'Counted' counts its copies and moves in the copy, purely: the
// output shows each one the parallel program would add. A constant keeps its initializer
// (adv27 C3), and a 'decltype(auto)' variable its type (adv27 C1).
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <any>
#include <array>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

[[pure]] constexpr long fib(long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
// CHECK: sibling-result-types.cpp:[[@LINE-1]]:25: remark: body of 'fib' not rewritten: it is 'constexpr' [purecc-not-rewritten]
[[pure]] long slow(long n) { return n < 2 ? 1 : slow(n - 1) + slow(n - 2); }
// CHECK: sibling-result-types.cpp:[[@LINE-1]]:49: remark: calls to 'slow' and 'slow' run in parallel [purecc-parallel-calls]

struct Counted {
  long v;
  long hops = 0;
  explicit Counted(long x) : v(x) {}
  Counted(Counted &&o) noexcept : v(o.v), hops(o.hops + 1) {}
  Counted(const Counted &o) : v(o.v), hops(o.hops + 1) {}
};
struct Holder {
  std::vector<long> w;
  Counted c;
};
struct Plain {
  long v;
  std::vector<long> w;
};
struct ExplicitMove {
  long v;
  explicit ExplicitMove(long x) : v(x) {}
  explicit ExplicitMove(ExplicitMove &&) = default;
  ExplicitMove(const ExplicitMove &) = delete;
};
[[pure]] Counted mk(long k) { return Counted(slow(k)); }
[[pure]] std::optional<Counted> mko(long k) { return Counted(slow(k)); }
[[pure]] std::variant<long, Counted> mkv(long k) { return Counted(slow(k)); }
[[pure]] std::any mka(long k) { return std::any(Counted(slow(k))); }
[[pure]] std::unique_ptr<Counted> mku(long k) { return std::make_unique<Counted>(slow(k)); }
[[pure]] Holder mkh(long k) { return Holder{{1}, Counted(slow(k))}; }
[[pure]] Plain mkp(long k) { return Plain{slow(k), {1, 2}}; }
[[pure]] ExplicitMove mke(long k) { return ExplicitMove(slow(k)); }

long counted(long k) {
  Counted a = mk(k);
  // CHECK: sibling-result-types.cpp:[[@LINE-1]]:15: remark: calls to 'mk' and 'mk' not parallelized: the result of 'mk' has type 'Counted', which has a user-provided move constructor: the parallel program would move it out of a task, where the serial one makes it in place [purecc-missed-parallel-calls]
  Counted b = mk(k + 1);
  return a.v + b.v + 1000 * (a.hops + b.hops);
}
long counted_expression(long k) { return mk(k).v + mk(k + 1).v + 1000 * mk(k).hops; }
// CHECK: sibling-result-types.cpp:[[@LINE-1]]:42: remark: calls to 'mk', 'mk' and 'mk' not parallelized: the result of 'mk' has type 'Counted', which has a user-provided move constructor: the parallel program would move it out of a task, where the serial one makes it in place [purecc-missed-parallel-calls]
long optional_counted(long k) {
  auto a = mko(k);
  // CHECK: sibling-result-types.cpp:[[@LINE-1]]:12: remark: calls to 'mko' and 'mko' not parallelized: the result of 'mko' has type 'std::optional<Counted>', which holds 'Counted', which has a user-provided move constructor: the parallel program would move it out of a task, where the serial one makes it in place [purecc-missed-parallel-calls]
  auto b = mko(k + 1);
  return a->v + b->v + 1000 * (a->hops + b->hops);
}
long variant_counted(long k) {
  auto a = mkv(k);
  // CHECK: sibling-result-types.cpp:[[@LINE-1]]:12: remark: calls to 'mkv' and 'mkv' not parallelized: the result of 'mkv' has type 'std::variant<long, Counted>', which holds 'Counted', which has a user-provided move constructor: the parallel program would move it out of a task, where the serial one makes it in place [purecc-missed-parallel-calls]
  auto b = mkv(k + 1);
  return std::get<1>(a).v + std::get<1>(b).v + 1000 * (std::get<1>(a).hops + std::get<1>(b).hops);
}
long any_counted(long k) {
  auto a = mka(k);
  // CHECK: sibling-result-types.cpp:[[@LINE-1]]:12: remark: calls to 'mka' and 'mka' not parallelized: the result of 'mka' has type 'std::any', which holds a value of a type known only at run time, which moving it may move with that type's own constructor: the parallel program would move it out of a task, where the serial one makes it in place [purecc-missed-parallel-calls]
  auto b = mka(k + 1);
  return std::any_cast<const Counted &>(a).hops + std::any_cast<const Counted &>(b).hops;
}
// A short string moves its characters with its traits' 'copy' (adv33 t08):
// the user's counts them.
long g_traits_copied = 0;
struct CountingTraits : std::char_traits<char> {
  static char *copy(char *d, const char *s, std::size_t n) {
    g_traits_copied += static_cast<long>(n);
    return std::char_traits<char>::copy(d, s, n);
  }
};
using CountedString = std::basic_string<char, CountingTraits>;
[[pure]] CountedString mks(long k) { return CountedString(3, static_cast<char>('a' + slow(k) % 26)); }
long traits_string(long k) {
  CountedString a = mks(k);
  // CHECK: sibling-result-types.cpp:[[@LINE-1]]:21: remark: calls to 'mks' and 'mks' not parallelized: the result of 'mks' has type 'CountedString', which has character traits of the user's, whose copies purecc does not know to be plain: the parallel program would move it out of a task, where the serial one makes it in place [purecc-missed-parallel-calls]
  CountedString b = mks(k + 1);
  return static_cast<long>(a.size() + b.size()) + 1000 * g_traits_copied;
}
long owned_counted(long k) {
  auto a = mku(k);
  // CHECK: sibling-result-types.cpp:[[@LINE-1]]:12: remark: calls to 'mku' and 'mku' run in parallel [purecc-parallel-calls]
  auto b = mku(k + 1);
  return a->v + b->v + 1000 * (a->hops + b->hops);
}
long member_counted(long k) {
  Holder a = mkh(k);
  // CHECK: sibling-result-types.cpp:[[@LINE-1]]:14: remark: calls to 'mkh' and 'mkh' not parallelized: the result of 'mkh' has type 'Holder', which has a member 'c' of type 'Counted', which has a user-provided move constructor: the parallel program would move it out of a task, where the serial one makes it in place [purecc-missed-parallel-calls]
  Holder b = mkh(k + 1);
  return a.c.v + b.c.v + 1000 * (a.c.hops + b.c.hops);
}
long plain(long k) {
  Plain a = mkp(k);
  // CHECK: sibling-result-types.cpp:[[@LINE-1]]:13: remark: calls to 'mkp' and 'mkp' run in parallel [purecc-parallel-calls]
  Plain b = mkp(k + 1);
  return a.v + b.v + (long)a.w.size();
}
long explicit_move(long k) {
  ExplicitMove a = mke(k);
  // CHECK: sibling-result-types.cpp:[[@LINE-1]]:20: remark: calls to 'mke' and 'mke' not parallelized: the result of 'mke' cannot be moved [purecc-missed-parallel-calls]
  ExplicitMove b = mke(k + 1);
  return a.v + b.v;
}
long explicit_expression(long k) { return mke(k).v + mke(k + 1).v; }
// CHECK: sibling-result-types.cpp:[[@LINE-1]]:43: remark: calls to 'mke' and 'mke' not parallelized: the result of 'mke' cannot be moved [purecc-missed-parallel-calls]
long constants(long k) {
  constexpr long a = fib(10);
  // CHECK: sibling-result-types.cpp:[[@LINE-1]]:22: remark: calls to 'fib' and 'fib' not parallelized: 'a' is a constant, which only a constant expression written in place may initialize [purecc-missed-parallel-calls]
  long b = fib(k);
  const long c = fib(11);
  // CHECK: sibling-result-types.cpp:[[@LINE-1]]:18: remark: calls to 'fib' and 'fib' not parallelized: 'c' is a constant, which only a constant expression written in place may initialize [purecc-missed-parallel-calls]
  long d = fib(k - 1);
  std::array<long, c> arr{};
  return a + b + c + d + (long)arr.size();
}
long in_constant_contexts(long k) {
  if constexpr (fib(8) + fib(9) > 2)
  // CHECK: sibling-result-types.cpp:[[@LINE-1]]:17: remark: calls to 'fib' and 'fib' not parallelized: the expression is a constant the compiler computes, which calls moved into tasks would not be [purecc-missed-parallel-calls]
    k += 1;
  std::array<long, fib(5) + fib(6)> arr{};
  static_assert(fib(7) + fib(8) == 34);
  switch (k) {
  case fib(3) + fib(4):
    return 1;
  default:
    break;
  }
  return k + (long)arr.size();
}
long decltype_auto(long k) {
  decltype(auto) a = mkp(k);
  // CHECK: sibling-result-types.cpp:[[@LINE-1]]:22: remark: calls to 'mkp' and 'mkp' not parallelized: 'a' is declared 'decltype(auto)', whose type would change with the initializer the run writes [purecc-missed-parallel-calls]
  decltype(auto) b = mkp(k + 1);
  return a.v + b.v + (std::is_reference_v<decltype(a)> ? 1000 : 0);
}
int main(int argc, char **) {
  long k = 20 + argc;
  std::printf("%ld %ld %ld %ld %ld\n", counted(k), counted_expression(k), optional_counted(k),
              member_counted(k), plain(k));
  std::printf("%ld %ld %ld %ld %ld\n", explicit_move(k), explicit_expression(k), constants(k),
              in_constant_contexts(k), decltype_auto(k));
  std::printf("%ld %ld %ld %ld\n", variant_counted(k), owned_counted(k), any_counted(k),
              traits_string(k));
  // OUT: 46368 46368 48368 46368 46370
  // OUT-NEXT: 46368 46368 17944 35 46368
  // OUT-NEXT: 48368 46368 {{[0-9]+}} 6
}
