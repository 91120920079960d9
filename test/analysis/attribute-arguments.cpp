// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
// RUN: not %purecc check %s -- -std=c++20 2>&1 | FileCheck %s
//
// purecc's attributes take no arguments. An argument list is an error at
// the attribute, with the name as written, whether Clang parsed the
// arguments (`[[pure(1)]]`) or skipped them (a scoped name Clang does not
// know unscoped: `[[purecc::memo(1)]]`), and the attribute is not applied.

[[pure(1)]] int p1(int x) { return x; } // expected-error {{'pure' attribute takes no arguments [purecc-attribute-arguments]}}
// CHECK: attribute-arguments.cpp:[[@LINE-1]]:3: error: 'pure' attribute takes no arguments [purecc-attribute-arguments]
[[pure(x)]] int p2(int x) { return x; } // expected-error {{'pure' attribute takes no arguments [purecc-attribute-arguments]}}
[[pure()]] int p3(int x) { return x; } // expected-error {{'pure' attribute takes no arguments [purecc-attribute-arguments]}}
[[purecc::pure(1, 2)]] int p4(int x) { return x; } // expected-error {{'purecc::pure' attribute takes no arguments [purecc-attribute-arguments]}}
[[pure]] [[purecc::memo(1)]] int m1(int x) { return x; } // expected-error {{'purecc::memo' attribute takes no arguments [purecc-attribute-arguments]}}
// CHECK: attribute-arguments.cpp:[[@LINE-1]]:12: error: 'purecc::memo' attribute takes no arguments [purecc-attribute-arguments]
[[pure]] [[purecc::memo ()]] int m2(int x) { return x; } // expected-error {{'purecc::memo' attribute takes no arguments [purecc-attribute-arguments]}}
[[pure, purecc::associative(left)]] int a1(int x, int y) { return x + y; } // expected-error {{'purecc::associative' attribute takes no arguments [purecc-attribute-arguments]}}
[[purecc::assume_pure("yes")]] int a2(int x); // expected-error {{'purecc::assume_pure' attribute takes no arguments [purecc-attribute-arguments]}}

// In a macro: the error is at the use, the macro's text in a note.
#define MEMO [[purecc::memo(3)]]
[[pure]] MEMO int m3(int x) { return x; } // expected-error {{'purecc::memo' attribute takes no arguments [purecc-attribute-arguments]}}
// CHECK: attribute-arguments.cpp:[[@LINE-1]]:10: error: 'purecc::memo' attribute takes no arguments [purecc-attribute-arguments]
// CHECK: attribute-arguments.cpp:[[@LINE-3]]:16: note: expanded from macro 'MEMO'

// Without arguments, and the next declaration's parentheses: accepted.
[[pure]] [[purecc::memo]] int ok1(int x) { return x; }
[[purecc::associative]] [[purecc::pure]] int ok2(int x, int y) { return x + y; }
[[pure]] int (ok3)(int x) { return x; }
// CHECK: 9 errors generated.
