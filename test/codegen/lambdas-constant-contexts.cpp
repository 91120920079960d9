// Every place the compiler evaluates a lambda (ConstantEvaluated.cpp): its
// body is left serial with a remark, or the rewritten unit would not
// compile ('parallel_invoke' is no constant expression; adv53 t66, t70,
// t72, t96, t97, t99, t154-t156; adv54 t12-t14). A 'const' local whose initializer is not
// a constant is evaluated at run time: the lambda it calls is rewritten.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <array>
#include <cstdio>

[[pure]] constexpr long cfib(int n) { return n < 2 ? n : cfib(n - 1) + cfib(n - 2); }
// REMARK: lambdas-constant-contexts.cpp:[[@LINE-1]]:25: remark: body of 'cfib' not rewritten: it is 'constexpr' [purecc-not-rewritten]
// A const global used as a template argument.
constexpr auto s1 = [](int k) { return cfib(k - 1) + cfib(k - 2); };
// REMARK: lambdas-constant-contexts.cpp:[[@LINE-1]]:21: remark: body of 'operator()' not rewritten: it is evaluated in a constant expression [purecc-not-rewritten]
const long N1 = s1(5);
std::array<int, N1> a1;
// A template's requires-clause.
constexpr auto s2 = [](int k) { return cfib(k - 1) + cfib(k - 2); };
// REMARK: lambdas-constant-contexts.cpp:[[@LINE-1]]:21: remark: body of 'operator()' not rewritten: it is evaluated in a constant expression [purecc-not-rewritten]
template <class T> requires(s2(4) == 3) long required(T x) { return x; }
// A default template argument.
constexpr auto s3 = [](int k) { return cfib(k - 1) + cfib(k - 2); };
// REMARK: lambdas-constant-contexts.cpp:[[@LINE-1]]:21: remark: body of 'operator()' not rewritten: it is evaluated in a constant expression [purecc-not-rewritten]
template <long K = s3(4)> long defaulted() { return K; }
// A concept.
constexpr auto s4 = [](int k) { return cfib(k - 1) + cfib(k - 2); };
// REMARK: lambdas-constant-contexts.cpp:[[@LINE-1]]:21: remark: body of 'operator()' not rewritten: it is evaluated in a constant expression [purecc-not-rewritten]
template <class T> concept Small = s4(sizeof(T)) > 0;
template <Small T> long constrained(T x) { return x; }
// explicit(...)
constexpr auto s5 = [](int k) { return cfib(k - 1) + cfib(k - 2); };
// REMARK: lambdas-constant-contexts.cpp:[[@LINE-1]]:21: remark: body of 'operator()' not rewritten: it is evaluated in a constant expression [purecc-not-rewritten]
struct Wrapped {
  explicit(s5(3) > 5) Wrapped(int x) : v(x) {}
  long v;
};
// A template argument written at the call.
constexpr auto s6 = [](int k) { return cfib(k - 1) + cfib(k - 2); };
// REMARK: lambdas-constant-contexts.cpp:[[@LINE-1]]:21: remark: body of 'operator()' not rewritten: it is evaluated in a constant expression [purecc-not-rewritten]
template <long K> long given() { return K; }
// Nested requirements, in a requires-clause and a trailing one.
constexpr auto s7 = [](int k) { return cfib(k - 1) + cfib(k - 2); };
// REMARK: lambdas-constant-contexts.cpp:[[@LINE-1]]:21: remark: body of 'operator()' not rewritten: it is evaluated in a constant expression [purecc-not-rewritten]
template <class T> requires requires { requires s7(4) == 3; } long nested(T x) { return x; }
constexpr auto s8 = [](int k) { return cfib(k - 1) + cfib(k - 2); };
// REMARK: lambdas-constant-contexts.cpp:[[@LINE-1]]:21: remark: body of 'operator()' not rewritten: it is evaluated in a constant expression [purecc-not-rewritten]
template <class T> long trailing(T x) requires requires(T y) { requires s8(5) == 5; y + 1; } { return x; }
// A member array bound, a bit-field width, noexcept(...), alignas.
constexpr auto s9 = [](int k) { return cfib(k - 1) + cfib(k - 2); };
// REMARK: lambdas-constant-contexts.cpp:[[@LINE-1]]:21: remark: body of 'operator()' not rewritten: it is evaluated in a constant expression [purecc-not-rewritten]
struct Sized { int a[s9(5)]; };
constexpr auto s10 = [](int k) { return cfib(k - 1) + cfib(k - 2); };
// REMARK: lambdas-constant-contexts.cpp:[[@LINE-1]]:22: remark: body of 'operator()' not rewritten: it is evaluated in a constant expression [purecc-not-rewritten]
struct Bits { unsigned b : s10(5); };
constexpr auto s11 = [](int k) { return cfib(k - 1) + cfib(k - 2); };
// REMARK: lambdas-constant-contexts.cpp:[[@LINE-1]]:22: remark: body of 'operator()' not rewritten: it is evaluated in a constant expression [purecc-not-rewritten]
long checked() noexcept(s11(4) == 3) { return 1; }
constexpr auto s12 = [](int k) { return cfib(k - 1) + cfib(k - 2); };
// REMARK: lambdas-constant-contexts.cpp:[[@LINE-1]]:22: remark: body of 'operator()' not rewritten: it is evaluated in a constant expression [purecc-not-rewritten]
struct alignas(s12(5) + 3) Aligned { char c; };

// A default member initializer, a constexpr constructor's member
// initializer and a default argument, each run by a constant evaluation
// (adv54 t12-t14).
constexpr auto s13 = [](int k) { return cfib(k - 1) + cfib(k - 2); };
// REMARK: lambdas-constant-contexts.cpp:[[@LINE-1]]:22: remark: body of 'operator()' not rewritten: it is evaluated in a constant expression [purecc-not-rewritten]
struct Literal { long v = s13(6); };
constexpr Literal literal{};
constexpr auto s14 = [](int k) { return cfib(k - 1) + cfib(k - 2); };
// REMARK: lambdas-constant-contexts.cpp:[[@LINE-1]]:22: remark: body of 'operator()' not rewritten: it is evaluated in a constant expression [purecc-not-rewritten]
struct Made {
  long v;
  constexpr Made() : v(s14(5)) {}
};
constexpr Made made{};
constexpr auto s15 = [](int k) { return cfib(k - 1) + cfib(k - 2); };
// REMARK: lambdas-constant-contexts.cpp:[[@LINE-1]]:22: remark: body of 'operator()' not rewritten: it is evaluated in a constant expression [purecc-not-rewritten]
constexpr long defaulted_argument(long x = s15(6)) { return x; }
static_assert(defaulted_argument() == 8);

[[pure]] long fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
// REMARK: lambdas-constant-contexts.cpp:[[@LINE-1]]:47: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]

int main(int argc, char **) {
  // Evaluated at run time: rewritten.
  auto runtime = [](int k) { return fib(k - 1) + fib(k - 2); };
  // REMARK: lambdas-constant-contexts.cpp:[[@LINE-1]]:37: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
  const long r = runtime(20 + argc);
  Sized s{};
  Bits b{};
  Wrapped w = 3;
  std::printf("%zu %ld %ld %ld %ld %ld %ld %ld\n", a1.size(), required(1L), defaulted(), constrained(2L),
              w.v, given<s6(6)>(), nested(1L), trailing(1L));
  std::printf("%zu %u %ld %zu %ld\n", sizeof(s.a), b.b, checked(), alignof(Aligned), r);
  std::printf("%ld %ld\n", literal.v, made.v);
}
// OUT: 5 1 3 2 3 8 1 1
// OUT-NEXT: 20 0 1 8 10946
// OUT-NEXT: 8 5
