// More operands that may throw ahead of a later call (found by adv16): a
// '?:' whose taken branch may throw, a lambda whose body may throw, and a
// 'dynamic_cast' to a reference (std::bad_cast); and (found by adv18) a local
// object whose 'noexcept(false)' destructor throws at the end of its scope,
// a call the AST shows nowhere. The later call is one the
// serial program never makes when they throw, so it is not started ahead
// of them. slow() never returns for a <= 0: the e2e run ends only if the
// rewritten program fails as fast as the serial one.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=parallel-calls
// RUN: env E2E_TIMEOUT=120 %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <stdexcept>
#include <string>
#include <typeinfo>

[[pure]] long settle(long x) noexcept {
  long s = 0;
  for (long i = 0; i < x + 2000; ++i)
    s += (i * i) % 11;
  return s;
}

[[pure]] long chk(long a) {
  if (a <= 0)
    throw std::invalid_argument("chk " + std::to_string(a));
  return a + settle(a % 5) % 3;
}

// Counts 1, 2, 3, ... and wraps from 10^9 back to 1: never ends for a <= 0.
[[pure]] long slow(long a) {
  long s = 0, i = 1;
  while (i != a) {
    s += i % 7;
    i = i < 1000000000 ? i + 1 : 1;
  }
  return s;
}

[[pure]] long choice(long a) { return (a < 5 ? chk(a) : settle(a)) + slow(a); }
// REMARK: operands-may-throw-2.cpp:[[@LINE-1]]:40: remark: calls to 'a < 5 ? chk(a) : settle(a)' and 'slow' not parallelized: the call to 'slow' comes after 'chk', which may throw [purecc-missed-parallel-calls]

[[pure]] long through_lambda(long a) {
  auto l = [](long x) { return chk(x); };
  return l(a) + slow(a);
  // REMARK: operands-may-throw-2.cpp:[[@LINE-1]]:10: remark: calls to 'l' and 'slow' not parallelized: the call to 'slow' comes after the lambda 'l', which may throw [purecc-missed-parallel-calls]
}

struct Base {
  virtual ~Base() = default;
};
struct Derived : Base {};
struct Other : Base {};

[[pure]] long cast(const Base &b, long a) {
  (void)dynamic_cast<const Derived &>(b);
  return a + settle(a) % 3;
}
[[pure]] long casts(const Base &b, long a) { return cast(b, a) + slow(a); }
// REMARK: operands-may-throw-2.cpp:[[@LINE-1]]:53: remark: calls to 'cast' and 'slow' not parallelized: the call to 'slow' comes after 'cast', which may throw [purecc-missed-parallel-calls]

struct Guard {
  long v;
  ~Guard() noexcept(false) {
    if (v <= 0)
      throw std::runtime_error("guard " + std::to_string(v));
  }
};
[[pure]] long guarded(long x) {
  Guard g{x};
  return settle(x % 5) % 3 + g.v;
}
[[pure]] long guards(long a) { return guarded(a) + slow(a); }
// REMARK: operands-may-throw-2.cpp:[[@LINE-1]]:39: remark: calls to 'guarded' and 'slow' not parallelized: the call to 'slow' comes after 'guarded', which may throw [purecc-missed-parallel-calls]

[[pure]] long nested_throw(long a) {
  return (a > 0 ? settle(a) : (a < -5 ? 1L : throw std::runtime_error("nested"))) + slow(a);
  // REMARK: operands-may-throw-2.cpp:[[@LINE-1]]:11: remark: calls to 'settle' and 'slow' not parallelized: the call to 'slow' comes after a 'throw' expression [purecc-missed-parallel-calls]
}

int main(int argc, char **) {
  const Derived d;
  const Other o;
  for (long a : {3L + argc - 1, 0L, -2L}) {
    auto report = [&](const char *name, auto f) {
      try {
        std::printf("%s %ld\n", name, static_cast<long>(f()));
      } catch (const std::exception &e) {
        std::printf("%s: %s\n", name, typeid(e) == typeid(std::bad_cast) ? "bad_cast" : e.what());
      }
    };
    report("choice", [&] { return choice(a); });
    report("through_lambda", [&] { return through_lambda(a); });
    report("guards", [&] { return guards(a); });
    report("nested_throw", [&] { return nested_throw(a); });
    if (a > 0) {
      report("casts", [&] { return casts(d, a); });
      report("casts other", [&] { return casts(o, a); });
    } else {
      report("casts", [&] { return casts(o, a); });
    }
  }
  return 0;
}
// OUT:      choice {{[0-9]+}}
// OUT-NEXT: through_lambda {{[0-9]+}}
// OUT-NEXT: guards {{[0-9]+}}
// OUT-NEXT: nested_throw {{[0-9]+}}
// OUT-NEXT: casts {{[0-9]+}}
// OUT-NEXT: casts other: bad_cast
// OUT-NEXT: choice: chk 0
// OUT-NEXT: through_lambda: chk 0
// OUT-NEXT: guards: guard 0
// OUT-NEXT: nested_throw: nested
// OUT-NEXT: casts: bad_cast
// OUT-NEXT: choice: chk -2
// OUT-NEXT: through_lambda: chk -2
// OUT-NEXT: guards: guard -2
// OUT-NEXT: nested_throw: nested
// OUT-NEXT: casts: bad_cast
