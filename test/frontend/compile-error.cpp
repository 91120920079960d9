// Code that does not compile gets Clang's own diagnostics, unchanged (and no
// purity verdicts), and exit status 1.
// RUN: sh -c '%purecc check %s -- -std=c++20 2>&1; echo "exit $?"' \
// RUN:   | FileCheck %s -DFILE=%s --match-full-lines

[[pure]] int twice(int x) { return x + y; }
// CHECK:      [[FILE]]:[[@LINE-1]]:40: error: use of undeclared identifier 'y'
// CHECK-NEXT:     [[@LINE-2]] | {{\[\[}}pure]] int twice(int x) { return x + y; }
// CHECK-NEXT:       |                                        ^

int missing_semicolon() { return 1 }
// CHECK-NEXT: [[FILE]]:[[@LINE-1]]:35: error: expected ';' after return statement
// CHECK-NEXT:    [[@LINE-2]] | int missing_semicolon() { return 1 }
// CHECK-NEXT:       |                                   ^
// CHECK-NEXT:       |                                   ;
// CHECK-NEXT: 2 errors generated.
// CHECK-NEXT: 1 file, 0 pure functions verified, 0 violations, 1 file with compile errors
// CHECK-NEXT: exit 1
