// The default text format is Clang's own printer, fed with each unit's
// diagnostic flags: -fno-show-column, -fcolor-diagnostics and friends work as
// they do in clang, and "N errors generated." counts each unit's own.
// RUN: sh -c '%purecc check %s %S/Inputs/unused-local.cpp -- -std=c++20 -Wall 2>&1; echo "exit $?"' \
// RUN:   | FileCheck %s -DFILE=%s -DINPUTS=%S/Inputs --implicit-check-not="Processing file"

[[pure]] int not_a_function = 0;
// CHECK:      [[FILE]]:[[@LINE-1]]:3: error: 'pure' attribute only applies to functions, member functions, function templates and lambdas [purecc-attribute-subject]
// CHECK-NEXT:     [[@LINE-2]] | {{\[\[}}pure]] int not_a_function = 0;
// CHECK-NEXT:       |   ^~~~
// CHECK-NEXT: 1 error generated.
// CHECK-NEXT: [[INPUTS]]/unused-local.cpp:2:26: warning: unused variable 'u' [-Wunused-variable]
// CHECK-NEXT:     2 | int unused_local() { int u; return 0; }
// CHECK-NEXT:       |                          ^
// CHECK-NEXT: 1 warning generated.
// CHECK-NEXT: 2 files, 0 pure functions verified, 1 violation
// CHECK-NEXT: exit 1

// RUN: not %purecc check %s -- -std=c++20 -fno-show-column -fno-caret-diagnostics 2>&1 \
// RUN:   | FileCheck %s --check-prefix=NOCOLUMN --match-full-lines -DFILE=%s
// NOCOLUMN:      [[FILE]]:7: error: 'pure' attribute only applies to functions, member functions, function templates and lambdas [purecc-attribute-subject]
// NOCOLUMN-NEXT: 1 file, 0 pure functions verified, 1 violation
// NOCOLUMN-NOT:  {{.}}

// On a terminal the text is coloured, as clang's is; into a pipe it is not.
// RUN: not script -qec '%purecc check %s -- -std=c++20' /dev/null | FileCheck %s --check-prefix=TTY
// TTY: {{.\[0;1;31m}}error: {{.\[0m}}
// RUN: not %purecc check %s -- -std=c++20 2>&1 | FileCheck %s --check-prefix=PIPE
// PIPE-NOT: {{.\[0}}
// PIPE: error:
