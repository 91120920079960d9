// A [[purecc::memo]] function is memoized only when the checker proves it
// pure: an effect the checker missed would make a cached result stale (a
// second call returns the first call's value without running the global
// write again). adv28 W2 and W5: a write through a std::shared_ptr taken by
// value, and calls nobody wrote, are reported, and nothing is rewritten.
// RUN: not %purecc rewrite %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s
// RUN: not test -e %t.out.cpp

#include <memory>

long g_copies = 0;
struct Copied {
  long v = 0;
  Copied() = default;
  Copied(const Copied &o) : v(o.v) { ++g_copies; }
};

[[pure]] [[purecc::memo]] long caught(long x) {
  try {
    if (x < 0)
      throw Copied();
  // CHECK-DAG: memo-hidden-effects.cpp:[[@LINE+1]]:19: error: pure function 'caught' calls 'Copied::Copied', which is not pure [purecc-impure-call]
  } catch (Copied c) {
    return c.v;
  }
  return x;
}

[[pure]] [[purecc::memo]] long bumped(std::shared_ptr<long> sp) {
  // CHECK-DAG: memo-hidden-effects.cpp:[[@LINE+1]]:7: error: pure function 'bumped' writes through parameter 'sp' [purecc-param-write]
  *sp += 1;
  return *sp;
}

int main() { return int(caught(1) + bumped(std::make_shared<long>(1))); }
