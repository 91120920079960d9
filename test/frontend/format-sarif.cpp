// --diagnostics-format=sarif: one SARIF 2.1.0 log on stdout for the whole
// run, with what GitHub code scanning reads: rules, results with levels,
// locations (relative to %SRCROOT%, the current directory), notes as related
// locations, fix-its as fixes.
// RUN: rm -rf %t && mkdir -p %t/src && cp %s %t/src/main.cpp && cp %S/Inputs/unused-local.cpp %t/src/
// RUN: cd %t && sh -c '%purecc check --diagnostics-format=sarif src/main.cpp src/unused-local.cpp -- -std=c++20 -Wall -Wextra-semi > %t/log.sarif; echo "exit $?"' | FileCheck %s --check-prefix=EXIT1
// EXIT1: exit 1
// RUN: python3 %S/Inputs/check_sarif.py < %t/log.sarif | FileCheck %s --match-full-lines
// RUN: FileCheck %s --check-prefix=RAW -DDIR=%t < %t/log.sarif

// CHECK: tool purecc {{[0-9]+\.[0-9]+\.[0-9]+}} rules={{[0-9]+}}

[[pure]] int not_a_function = 0;
// CHECK-NEXT: result error purecc-attribute-subject src/main.cpp:[[@LINE-1]]:3-[[@LINE-1]]:7 | 'pure' attribute only applies to functions, member functions, function templates and lambdas

int defined_twice() { return 1; }
int defined_twice() { return 2; }
// CHECK-NEXT: result error clang-diagnostic src/main.cpp:[[@LINE-1]]:5-[[@LINE-1]]:6 | redefinition of 'defined_twice'
// CHECK-NEXT:   related src/main.cpp:[[@LINE-3]]:5-[[@LINE-3]]:6 | previous definition is here

struct S { void f() {}; };
// CHECK-NEXT: result warning -Wextra-semi src/main.cpp:[[@LINE-1]]:23-[[@LINE-1]]:24 | extra ';' after member function definition
// CHECK-NEXT:   fix src/main.cpp:[[@LINE-2]]:23-[[@LINE-2]]:24=""

// Columns count UTF-16 code units: 'é' is two bytes but one unit, '😀' four
// bytes but two units.
const char *accents = "é😀"; int unused_after_accents() { int v; return 0; }
// CHECK-NEXT: result warning -Wunused-variable src/main.cpp:[[@LINE-1]]:63-[[@LINE-1]]:64 | unused variable 'v'
// CHECK-NEXT: result warning -Wunused-variable src/unused-local.cpp:2:26-2:27 | unused variable 'u'
// CHECK-NOT: result

// The rules are purecc's, from Diagnostics.def, then Clang's that fired.
// RAW:      "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
// RAW:      "originalUriBaseIds": {
// RAW-NEXT:   "%SRCROOT%": {
// RAW-NEXT:     "uri": "file://[[DIR]]/"
// RAW:      "rules": [
// RAW-NEXT:   {
// RAW-NEXT:     "defaultConfiguration": {
// RAW-NEXT:       "level": "error"
// RAW-NEXT:     },
// RAW-NEXT:     "id": "purecc-attribute-subject",
// RAW-NEXT:     "shortDescription": {
// RAW-NEXT:       "text": "'…' attribute only applies to functions, member functions, function templates and lambdas"
// RAW:          "id": "purecc-attribute-arguments",
// RAW:          "id": "-Wextra-semi",
// RAW:          "text": "Clang diagnostic -Wextra-semi"
// RAW:      "version": "2.1.0"

// A file outside the current directory gets an absolute file URI.
// RUN: cd %t/src && %purecc check --diagnostics-format=sarif %S/Inputs/unused-local.cpp -- -Wall | python3 %S/Inputs/check_sarif.py | FileCheck %s --check-prefix=ABS -DINPUTS=%S/Inputs
// ABS: result warning -Wunused-variable file://[[INPUTS]]/unused-local.cpp:2:26-2:27 | unused variable 'u'
