// Sibling calls that are operands of one expression: the serial program
// evaluates them in order (C++17's order where it fixes one, else the order
// they are written in, as g++ and clang++ both do for built-in operators),
// so a call after one that may throw is a call it never makes when that one
// throws. Such a call stays where it is; the calls before it still run in
// parallel, and a group whose only call that may throw is its last one, or
// with none (noexcept, or proved by the analysis), runs whole in parallel.
// slow() never returns for a <= 0: the e2e run below ends only if the
// rewritten program fails as fast as the serial one (E2E_TIMEOUT makes a
// hang a failure).
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=parallel-calls
// RUN: env E2E_TIMEOUT=120 %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <vector>

// Cannot throw (the analysis proves it): no throw, no call that may.
[[pure]] long settle(long x) {
  long s = 0;
  for (long i = 0; i < x; ++i)
    s += (i * i) % 11;
  return s;
}
// Declared noexcept.
[[pure]] long quiet(long x) noexcept { return settle(x + 7); }

// Throws for a <= 0, and does enough work (settle's loop) for a task.
[[pure]] long chk(long a) {
  if (a <= 0)
    throw std::invalid_argument("chk " + std::to_string(a));
  return a + settle(a % 5);
}
// Throws too, but too little work for a task: never in a group.
[[pure]] long tiny(long a) {
  if (a <= 0)
    throw std::invalid_argument("tiny " + std::to_string(a));
  return a;
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

struct Pair {
  long a, b;
};

// CHECK: {{^}}[[PURE:/\*\[\[pure\]\]\*/]] long plus(long a) { return chk(a) + slow(a); }
[[pure]] long plus(long a) { return chk(a) + slow(a); }
// REMARK: operands-may-throw.cpp:[[@LINE-1]]:37: remark: calls to 'chk' and 'slow' not parallelized: the call to 'slow' comes after 'chk', which may throw [purecc-missed-parallel-calls]

// CHECK: {{^}}[[PURE]] bool less(long a) { return chk(a) < slow(a); }
[[pure]] bool less(long a) { return chk(a) < slow(a); }
// REMARK: operands-may-throw.cpp:[[@LINE-1]]:37: remark: calls to 'chk' and 'slow' not parallelized: the call to 'slow' comes after 'chk', which may throw [purecc-missed-parallel-calls]

// A declaration's initializer, and nested operands.
[[pure]] long declared(long a) {
  long v = settle(a) * (2 + chk(a)) - slow(a);
  // REMARK: operands-may-throw.cpp:[[@LINE-1]]:39: remark: calls to 'chk' and 'slow' not parallelized: the call to 'slow' comes after 'chk', which may throw [purecc-missed-parallel-calls]
  // REMARK: operands-may-throw.cpp:[[@LINE-2]]:12: remark: calls to 'settle' and 'chk' run in parallel [purecc-parallel-calls]
  return v;
}
// Shortened: 'settle' and 'chk' (the last that may throw) run in parallel,
// 'slow' after them, where it was.
// CHECK: {{^}}  auto [purecc_r{{[0-9]+}}, purecc_r{{[0-9]+}}] = ::purecc::parallel_invoke([&] { return settle(a); }, [&] { return chk(a); }); long v = purecc_r{{[0-9]+}} * (2 + purecc_r{{[0-9]+}}) - slow(a);

// The thing that may throw is not in the group ('tiny' is too cheap for a
// task) or is not a pure call at all ('at').
// CHECK: {{^}}[[PURE]] long cheap_first(long a) { return tiny(a) + settle(a) + slow(a); }
[[pure]] long cheap_first(long a) { return tiny(a) + settle(a) + slow(a); }
// REMARK: operands-may-throw.cpp:[[@LINE-1]]:54: remark: calls to 'settle' and 'slow' not parallelized: the call to 'settle' comes after 'tiny', which may throw [purecc-missed-parallel-calls]
// CHECK: {{^}}[[PURE]] long indexed(const std::vector<long> &t, long a) { return t.at(a - 1) + slow(a) + settle(a); }
[[pure]] long indexed(const std::vector<long> &t, long a) { return t.at(a - 1) + slow(a) + settle(a); }
// REMARK: operands-may-throw.cpp:[[@LINE-1]]:82: remark: calls to 'slow' and 'settle' not parallelized: the call to 'slow' comes after 't.at', which may throw [purecc-missed-parallel-calls]

// A condition, and the branch of '?:' that is taken: in order there too.
// CHECK:      {{^}}  if (chk(a) + slow(a) > 3)
// CHECK-NEXT: {{^}}    return 1;
[[pure]] int cond(long a) {
  // REMARK: operands-may-throw.cpp:[[@LINE+1]]:7: remark: calls to 'chk' and 'slow' not parallelized: the call to 'slow' comes after 'chk', which may throw [purecc-missed-parallel-calls]
  if (chk(a) + slow(a) > 3)
    return 1;
  return 0;
}
// CHECK: {{^}}[[PURE]] long branch(long a) { return a > -100 ? chk(a) + slow(a) : 0; }
[[pure]] long branch(long a) { return a > -100 ? chk(a) + slow(a) : 0; }
// REMARK: operands-may-throw.cpp:[[@LINE-1]]:50: remark: calls to 'chk' and 'slow' not parallelized: the call to 'slow' comes after 'chk', which may throw [purecc-missed-parallel-calls]

// Braced initializers fix the order: the same rule.
// CHECK: {{^}}[[PURE]] Pair braced(long a) { return Pair{chk(a), slow(a)}; }
[[pure]] Pair braced(long a) { return Pair{chk(a), slow(a)}; }
// REMARK: operands-may-throw.cpp:[[@LINE-1]]:44: remark: calls to 'chk' and 'slow' not parallelized: the call to 'slow' comes after 'chk', which may throw [purecc-missed-parallel-calls]
// CHECK: {{^}}  p = {chk(a), slow(a)};
[[pure]] long assigned(long a) {
  Pair p{0, 0};
  p = {chk(a), slow(a)};
  // REMARK: operands-may-throw.cpp:[[@LINE-1]]:8: remark: calls to 'chk' and 'slow' not parallelized: the call to 'slow' comes after 'chk', which may throw [purecc-missed-parallel-calls]
  return p.a + p.b;
}

// Several declarators: never hoisted (a remark says so).
// CHECK: {{^}}  long x = chk(a) + settle(a), y = slow(a);
[[pure]] long two_vars(long a) {
  long x = chk(a) + settle(a), y = slow(a);
  // REMARK: operands-may-throw.cpp:[[@LINE-1]]:12: remark: calls to 'chk', 'settle' and 'slow' not parallelized: the declaration declares several variables: calls are run in parallel only out of a declaration of one variable [purecc-missed-parallel-calls]
  return x + y;
}

// Function and constructor arguments: either order (clang++ evaluates
// them left to right, g++ right to left, so its serial build calls 'slow'
// first and never ends for a <= 0: not called with such an a below).
// CHECK: {{^}}[[PURE]] long args(long a) { return std::max(chk(a), slow(a)); }
[[pure]] long args(long a) { return std::max(chk(a), slow(a)); }
// REMARK: operands-may-throw.cpp:[[@LINE-1]]:46: remark: calls to 'chk' and 'slow' not parallelized: the call to 'slow' comes after 'chk', which may throw [purecc-missed-parallel-calls]
struct Sum {
  long s;
  Sum(long x, long y) : s(x + y) {}
};
// CHECK: {{^}}[[PURE]] long constructed(long a) { return Sum(chk(a), slow(a)).s; }
[[pure]] long constructed(long a) { return Sum(chk(a), slow(a)).s; }
// REMARK: operands-may-throw.cpp:[[@LINE-1]]:48: remark: calls to 'chk' and 'slow' not parallelized: the call to 'slow' comes after 'chk', which may throw [purecc-missed-parallel-calls]

// Still parallel: the only call that may throw is the last one...
// CHECK: {{^}}[[PURE]] long last(long a) { if (!::purecc::should_spawn()) return purecc_serial_last_{{[0-9]+}}(a); auto [purecc_r{{[0-9]+}}, purecc_r{{[0-9]+}}] = ::purecc::parallel_invoke([&] { return slow(a); }, [&] { return chk(a); }); return purecc_r{{[0-9]+}} + purecc_r{{[0-9]+}}; }
[[pure]] long last(long a) { return slow(a) + chk(a); }
// REMARK: operands-may-throw.cpp:[[@LINE-1]]:37: remark: calls to 'slow' and 'chk' run in parallel [purecc-parallel-calls]
// ...or none may throw (proved, or noexcept).
// CHECK: {{^}}[[PURE]] long proved(long a) { if (!::purecc::should_spawn()) return purecc_serial_proved_{{[0-9]+}}(a); auto [purecc_r{{[0-9]+}}, purecc_r{{[0-9]+}}] = ::purecc::parallel_invoke([&] { return settle(a); }, [&] { return settle(a + 1); }); return purecc_r{{[0-9]+}} + purecc_r{{[0-9]+}}; }
[[pure]] long proved(long a) { return settle(a) + settle(a + 1); }
// REMARK: operands-may-throw.cpp:[[@LINE-1]]:39: remark: calls to 'settle' and 'settle' run in parallel [purecc-parallel-calls]
// A function's arguments run in either order (g++: right to left): the
// calls written before 'chk', which may throw, may come after it, where the
// g++ build never makes them (adv56 t04: 'h(chk(-1), boom(2))' divided by
// zero in 'chk' beside 'boom', which the g++ build calls first).
// CHECK: {{^}}[[PURE]] long nothrow(long a) { return std::max(quiet(a) + settle(a), chk(a)); }
[[pure]] long nothrow(long a) { return std::max(quiet(a) + settle(a), chk(a)); }
// REMARK: operands-may-throw.cpp:[[@LINE-1]]:49: remark: calls to 'quiet', 'settle' and 'chk' not parallelized: the call to 'quiet' may come after 'chk', which may throw, and the compiler chooses which runs first [purecc-missed-parallel-calls]
// CHECK: {{^}}[[PURE]] long args_last(long a) { return std::max(slow(a), chk(a)); }
[[pure]] long args_last(long a) { return std::max(slow(a), chk(a)); }
// REMARK: operands-may-throw.cpp:[[@LINE-1]]:51: remark: calls to 'slow' and 'chk' not parallelized: the call to 'slow' may come after 'chk', which may throw, and the compiler chooses which runs first [purecc-missed-parallel-calls]

int main() {
  const std::vector<long> t{5, 6, 7, 8};
  // For a <= 0 each throws before the serial program calls 'slow' (the
  // ones that do not are called with a = 3 only): the rewritten program
  // must throw as fast.
  for (long a : {3L, 0L, -2L}) {
    auto report = [&](const char *what, auto &&f) {
      try {
        std::printf("%s %ld\n", what, long(f()));
      } catch (const std::exception &e) {
        std::printf("%s: %s\n", what, e.what());
      }
    };
    report("plus", [&] { return plus(a); });
    report("less", [&] { return less(a); });
    report("declared", [&] { return declared(a); });
    report("cheap_first", [&] { return cheap_first(a); });
    report("indexed", [&] { return indexed(t, a); });
    report("cond", [&] { return cond(a); });
    report("branch", [&] { return branch(a); });
    report("braced", [&] { return braced(a).b; });
    report("assigned", [&] { return assigned(a); });
    report("two_vars", [&] { return two_vars(a); });
    report("proved", [&] { return proved(a); });
    report("nothrow", [&] { return nothrow(a); });
    if (a > 0) {
      report("args", [&] { return args(a); });
      report("constructed", [&] { return constructed(a); });
      report("last", [&] { return last(a); });
      report("args_last", [&] { return args_last(a); });
    }
  }
  return 0;
}
// OUT:      plus 11
// OUT-NEXT: less 0
// OUT-NEXT: declared 47
// OUT-NEXT: cheap_first 11
// OUT-NEXT: indexed 15
// OUT-NEXT: cond 1
// OUT-NEXT: branch 11
// OUT-NEXT: braced 3
// OUT-NEXT: assigned 11
// OUT-NEXT: two_vars 16
// OUT-NEXT: proved 19
// OUT-NEXT: nothrow 48
// OUT-NEXT: args 8
// OUT-NEXT: constructed 11
// OUT-NEXT: last 11
// OUT-NEXT: args_last 8
// OUT-NEXT: plus: chk 0
// OUT-NEXT: less: chk 0
// OUT-NEXT: declared: chk 0
// OUT-NEXT: cheap_first: tiny 0
// OUT-NEXT: indexed: vector::_M_range_check: __n (which is 18446744073709551615) >= this->size() (which is 4)
// OUT-NEXT: cond: chk 0
// OUT-NEXT: branch: chk 0
// OUT-NEXT: braced: chk 0
// OUT-NEXT: assigned: chk 0
// OUT-NEXT: two_vars: chk 0
// OUT-NEXT: proved 0
// OUT-NEXT: nothrow: chk 0
// OUT-NEXT: plus: chk -2
// OUT-NEXT: less: chk -2
// OUT-NEXT: declared: chk -2
// OUT-NEXT: cheap_first: tiny -2
// OUT-NEXT: indexed: vector::_M_range_check: __n (which is 18446744073709551613) >= this->size() (which is 4)
// OUT-NEXT: cond: chk -2
// OUT-NEXT: branch: chk -2
// OUT-NEXT: braced: chk -2
// OUT-NEXT: assigned: chk -2
// OUT-NEXT: two_vars: chk -2
// OUT-NEXT: proved 0
// OUT-NEXT: nothrow: chk -2
