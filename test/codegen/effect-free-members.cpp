// A member function that is not `const` but that the checker inferred pure
// (a callee of a [[pure]] function, with no effect at all) writes nothing:
// calling it on a temporary or a local writes neither (adv123 F7:
// `t += Opt{heavy(i)}.take()` of a `take() &&` was "the loop body writes
// through a pointer or reference"). One that writes its object keeps the
// loop serial. A dependent `noexcept(...)` specifier is never evaluated, so
// it throws nothing (F5: magic_enum's enum_cast made every loop over it "may
// throw").
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <utility>

[[pure]] long heavy(long i) {
  long s = 0;
  for (long k = 0; k < 3000; ++k)
    s += (i ^ k) % 7;
  return s;
}

struct Opt {
  long v;
  long take() && { return v * 2; }
  long peek() { return v + 1; } // not const, writes nothing
  long bump() { return ++v; }
  long &slot() { return v; } // writes nothing, hands out its member
};

namespace lib {
struct Plus1 {
  long operator()(long v) const noexcept { return v + 1; }
};
template <typename F> inline constexpr bool nothrow_call_v = noexcept(std::declval<F>()(0L));
template <typename E, typename P = Plus1>
constexpr long cast(E v, P p = {}) noexcept(nothrow_call_v<P>) {
  return p(long(v));
}
// REMARK: effect-free-members.cpp:[[@LINE-3]]:16: remark: body of 'lib::cast' not rewritten: it is a function template not declared '{{\[\[pure\]\]}}': a template is rewritten only when it is declared '{{\[\[pure\]\]}}' (one text serves every instantiation) [purecc-not-rewritten]
} // namespace lib
enum class Color { red, green };

[[pure]] long temporaries(long n) {
  long t = 0;
  for (long i = 0; i < n; ++i)
    t += Opt{heavy(i)}.take();
  // REMARK: effect-free-members.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 't' [purecc-reduction]
  return t;
}

[[pure]] long locals(long n) {
  long u = 0;
  Opt o{3};
  for (long i = 0; i < n; ++i)
    u += o.peek() + std::move(o).take() + heavy(i);
  // REMARK: effect-free-members.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'u' [purecc-reduction]
  return u;
}

[[pure]] long bumped(long n) {
  long y = 0;
  Opt o{3};
  for (long i = 0; i < n; ++i)
    y += o.bump() + heavy(i);
  // REMARK: effect-free-members.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'Opt::bump' is not known to be pure [purecc-missed-reduction]
  return y + o.v;
}

// The object is written through the reference the member hands out.
[[pure]] long slots(long n) {
  long w = 0;
  Opt o{3};
  // REMARK: effect-free-members.cpp:[[@LINE+1]]:3: remark: loop not parallelized: 'o' is written inside the loop body [purecc-missed-reduction]
  for (long i = 0; i < n; ++i) {
    // REMARK: effect-free-members.cpp:[[@LINE+1]]:7: remark: calls to 'Opt::slot' and 'heavy' not parallelized: 'Opt::slot' is too little work for a task (no loop or recursion in what it runs) [purecc-cheap-calls]
    o.slot() = heavy(i);
    w += o.v;
  }
  return w;
}

[[pure]] long casts(long n) {
  long x = 0;
  for (long i = 0; i < n; ++i)
    x += lib::cast<Color>(Color(i % 2)) * heavy(i);
  // REMARK: effect-free-members.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'x' [purecc-reduction]
  return x;
}

int main() {
  std::printf("%ld %ld %ld %ld %ld\n", temporaries(2000), locals(2000), bumped(2000), slots(2000),
              casts(2000));
  // REMARK: effect-free-members.cpp:[[@LINE-2]]:40: remark: calls to 'temporaries', 'locals', 'bumped', 'slots' and 'casts' run in parallel [purecc-parallel-calls]
  // OUT: 35981952 {{[0-9]+}} {{[0-9]+}} 17990976 {{[0-9]+}}
}
