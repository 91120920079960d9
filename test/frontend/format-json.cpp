// --diagnostics-format=json: one JSON document on stdout for the whole run,
// whatever the number of files; notes inside their diagnostic; purecc's ID
// out of the message; Clang's warning flag as the ID of its warnings.
// RUN: sh -c '%purecc check --diagnostics-format=json %s %S/Inputs/unused-local.cpp -- -std=c++20 -Wall -Wextra-semi > %t.json; echo "exit $?"' | FileCheck %s --check-prefix=EXIT1
// EXIT1: exit 1
// RUN: python3 -m json.tool %t.json > /dev/null
// RUN: python3 %S/Inputs/summarize_json.py < %t.json | FileCheck %s --check-prefix=SUMMARY --match-full-lines
// RUN: FileCheck %s --check-prefix=RAW -DFILE=%s < %t.json

[[pure]] int not_a_function = 0;
// SUMMARY:      version {{[0-9]+\.[0-9]+\.[0-9]+}}
// SUMMARY-NEXT: error purecc-attribute-subject format-json.cpp:[[@LINE-2]]:3 ranges=[[@LINE-2]]:3-[[@LINE-2]]:7 fixits= | 'pure' attribute only applies to functions, member functions, function templates and lambdas

int defined_twice() { return 1; }
int defined_twice() { return 2; }
// SUMMARY-NEXT: error - format-json.cpp:[[@LINE-1]]:5 ranges= fixits= | redefinition of 'defined_twice'
// SUMMARY-NEXT:   note - format-json.cpp:[[@LINE-3]]:5 ranges= fixits= | previous definition is here
// The document as written, for one diagnostic with its note:
// RAW:      "file": "[[FILE]]",
// RAW:      "message": "redefinition of 'defined_twice'",
// RAW-NEXT: "notes": [
// RAW-NEXT:   {
// RAW-NEXT:     "column": 5,
// RAW-NEXT:     "file": "[[FILE]]",
// RAW-NEXT:     "fixits": [],
// RAW-NEXT:     "id": null,
// RAW-NEXT:     "level": "note",
// RAW-NEXT:     "line": [[@LINE-14]],
// RAW-NEXT:     "message": "previous definition is here",
// RAW-NEXT:     "ranges": []
// RAW-NEXT:   }
// RAW-NEXT: ],

struct S { void f() {}; };
// SUMMARY-NEXT: warning -Wextra-semi format-json.cpp:[[@LINE-1]]:23 ranges= fixits=[[@LINE-1]]:23-[[@LINE-1]]:24="" | extra ';' after member function definition
// SUMMARY-NEXT: warning -Wunused-variable unused-local.cpp:2:26 ranges=2:26-2:27 fixits= | unused variable 'u'
// SUMMARY-NEXT: total 4

// A clean run is an empty list, and exit status 0.
// RUN: %purecc check --diagnostics-format=json %S/foundation-clean.cpp -- -std=c++20 | python3 %S/Inputs/summarize_json.py | FileCheck %s --check-prefix=CLEAN --match-full-lines
// CLEAN:      version {{.*}}
// CLEAN-NEXT: total 0
