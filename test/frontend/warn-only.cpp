// --warn-only reports purity violations as warnings and exits 0; without it
// they are errors and the exit status is 1. Clang's own errors stay errors.
// RUN: sh -c '%purecc check %s -- -std=c++20 2>&1; echo "exit $?"' | FileCheck %s --check-prefix=ERROR
// RUN: sh -c '%purecc check --warn-only %s -- -std=c++20 2>&1; echo "exit $?"' | FileCheck %s --check-prefix=WARN
// RUN: sh -c '%purecc check --warn-only %s -- -std=c++20 -DBROKEN 2>&1; echo "exit $?"' | FileCheck %s --check-prefix=BROKEN
// RUN: %purecc check --warn-only --diagnostics-format=json %s -- -std=c++20 | python3 %S/Inputs/summarize_json.py | FileCheck %s --check-prefix=JSON --match-full-lines

int counter = 0;
[[pure]] int next(int x) { return x + counter; }
// ERROR:      warn-only.cpp:[[@LINE-1]]:39: error: pure function 'next' reads mutable global 'counter' [purecc-global-read]
// ERROR:      exit 1
// WARN:       warn-only.cpp:[[@LINE-3]]:39: warning: pure function 'next' reads mutable global 'counter' [purecc-global-read]
// WARN:       exit 0
// JSON:      version {{.*}}
// JSON-NEXT: warning purecc-global-read warn-only.cpp:[[@LINE-6]]:39 ranges=[[@LINE-6]]:39-[[@LINE-6]]:46 fixits= | pure function 'next' reads mutable global 'counter'
// JSON-NEXT:   note - warn-only.cpp:[[@LINE-7]]:3 ranges= fixits= | 'next' declared pure here
// JSON-NEXT: total 1

#ifdef BROKEN
int broken = undeclared;
// BROKEN: error: use of undeclared identifier 'undeclared'
// BROKEN: exit 1
#endif
