// RUN: not %purecc check %s -- -std=c++20 -fdiagnostics-parseable-fixits 2>&1 | FileCheck %s
//
// Fix-its where the fix is known: `const` for a member function that only
// reads, `const T&` for a parameter that is only read, `[[pure]]` for an
// override (or a virtual callee) whose body is pure.
#include <vector>

struct Meter {
  int base = 1;
  [[pure]] int reading(int x) { return base + x; }
};
// CHECK: fixits.cpp:10:16: error: pure member function 'Meter::reading' must be 'const' or 'static'
// CHECK: fix-it:"{{.*}}fixits.cpp":{10:30-10:30}:" const"

[[pure]] int sum(std::vector<int> &v) {
  int s = 0;
  for (int x : v)
    s += x;
  return s;
}
// CHECK: fixits.cpp:15:36: error: pure function 'sum' takes parameter 'v' by non-const reference
// CHECK: fix-it:"{{.*}}fixits.cpp":{15:18-15:18}:"const "

[[pure]] int first(int *p) { return p[0]; }
// CHECK: fixits.cpp:24:25: error: pure function 'first' takes parameter 'p' by pointer to non-const
// CHECK: fix-it:"{{.*}}fixits.cpp":{24:20-24:20}:"const "

struct Base {
  [[pure]] virtual int id() const { return 0; }
  virtual int size() const { return 1; }
};
struct Derived : Base {
  int id() const override { return 2; }
};
// (The override is reported after the pure functions: see the end.)

[[pure]] int size_of(const Base &b) { return b.size(); }
// CHECK: fixits.cpp:37:48: error: pure function 'size_of' makes a virtual call to 'Base::size'
// CHECK: fixits.cpp:30:15: note: 'Base::size' has a pure body; declare it '{{\[\[pure\]\]}}'
// CHECK: fix-it:"{{.*}}fixits.cpp":{30:3-30:3}:"{{\[\[pure\]\]}} "

// A parameter that is written gets no const fix-it.
[[pure]] int bump(int &x) { return ++x; }
// CHECK: fixits.cpp:43:24: error: pure function 'bump' takes parameter 'x' by non-const reference
// CHECK-NOT: fix-it:"{{.*}}fixits.cpp":{43:

// Overrides are checked after every declared-pure function.
// CHECK: fixits.cpp:33:7: error: 'Derived::id' overrides 'Base::id', which is declared '{{\[\[pure\]\]}}', but is not declared '{{\[\[pure\]\]}}' itself
// CHECK: fix-it:"{{.*}}fixits.cpp":{33:3-33:3}:"{{\[\[pure\]\]}} "
