// --fix applies the fix-its of the run's warnings and errors to the files in
// place, says which files it changed, and keeps the usual exit status.
// RUN: rm -rf %t && mkdir -p %t && sed -n '/^BEGIN/,$p' %s | sed 1d > %t/a.cpp
// RUN: cp %t/a.cpp %t/original.cpp && chmod 640 %t/a.cpp
// RUN: sh -c '%purecc check --fix %t/a.cpp -- -std=c++20 -Wextra-semi 2>%t/err; echo "exit $?"' | FileCheck %s --check-prefix=EXIT1
// EXIT1: exit 1
// RUN: FileCheck %s --check-prefix=LOG -DDIR=%t < %t/err
// LOG: a.cpp:3:23: warning: extra ';' after member function definition [-Wextra-semi]
// LOG: a.cpp:4:19: error: expected ';' after return statement
// LOG: {{^}}purecc: fixed '[[DIR]]/a.cpp' (3 fix-its)
// LOG-NEXT: {{^}}1 file, 0 pure functions verified, 0 violations, 1 file with compile errors
// RUN: FileCheck %s --check-prefix=FIXED --match-full-lines < %t/a.cpp
// FIXED:      // the input of fix.cpp
// FIXED-NEXT: {{\[\[}}pure]] int square(int x) { return x * x; }
// FIXED-NEXT: struct S { void f() {} int g() { return 1; } };
// FIXED-NEXT: int k() { return 1; }
// The file keeps its permissions, and no temporary file is left behind.
// RUN: stat -c %%a %t/a.cpp | FileCheck %s --check-prefix=MODE
// MODE: 640
// RUN: ls %t | FileCheck %s --check-prefix=FILES --match-full-lines --implicit-check-not={{.}}
// FILES: a.cpp
// FILES: err
// FILES: original.cpp

// Fixed, the file is clean: a second run has nothing to say or do but its
// summary line.
// RUN: %purecc check --fix %t/a.cpp -- -std=c++20 -Wextra-semi 2>&1 | FileCheck %s --check-prefix=AGAIN --match-full-lines
// AGAIN: 1 file, 1 pure function verified, 0 violations

// A compile error without a fix-it means the code may not be what the other
// fix-its assume: nothing is changed.
// RUN: cp %t/original.cpp %t/b.cpp && echo 'int broken = undeclared;' >> %t/b.cpp && cp %t/b.cpp %t/b-before.cpp
// RUN: not %purecc check --fix %t/b.cpp -- -std=c++20 -Wextra-semi 2>&1 | FileCheck %s --check-prefix=REFUSE
// REFUSE: error: use of undeclared identifier 'undeclared'
// REFUSE: {{^}}purecc: error: not applying any fix-it: Clang reported errors that have none
// RUN: diff %t/b.cpp %t/b-before.cpp

// Several files in one run; the fix-its of a header included by both units
// are applied once.
// RUN: mkdir -p %t/multi && echo 'struct H { void f() {}; };' > %t/multi/h.h
// RUN: printf '#include "h.h"\nstruct U { int g() { return 0; }; };\n' > %t/multi/u.cpp
// RUN: printf '#include "h.h"\nint v() { return 2; }\n' > %t/multi/v.cpp
// RUN: %purecc check --fix --diagnostics-format=json %t/multi/u.cpp %t/multi/v.cpp -- -Wextra-semi 2>%t/multi.err | python3 -m json.tool > /dev/null
// RUN: FileCheck %s --check-prefix=MULTILOG -DDIR=%t/multi < %t/multi.err
// MULTILOG-DAG: {{^}}purecc: fixed '[[DIR]]/h.h' (1 fix-it)
// MULTILOG-DAG: {{^}}purecc: fixed '[[DIR]]/u.cpp' (1 fix-it)
// MULTILOG-NOT: v.cpp'
// RUN: FileCheck %s --check-prefix=HEADER --match-full-lines < %t/multi/h.h
// HEADER: struct H { void f() {} };
// RUN: FileCheck %s --check-prefix=UNIT --match-full-lines < %t/multi/u.cpp
// UNIT: struct U { int g() { return 0; } };

// A note's fix-its are alternatives for a person to choose from: not applied.
// RUN: printf 'int f(int x) { if (x = 1) return 1; return 0; }\n' > %t/note.cpp && cp %t/note.cpp %t/note-before.cpp
// RUN: %purecc check --fix %t/note.cpp -- -Wall 2>&1 | FileCheck %s --check-prefix=NOTE
// NOTE: warning: using the result of an assignment as a condition without parentheses
// NOTE: note: place parentheses around the assignment to silence this warning
// NOTE-NOT: purecc: fixed
// RUN: diff %t/note.cpp %t/note-before.cpp

// Past Clang's default limit of 20 errors every violation is still reported
// and fixed (adv77 F13: 21 functions, nothing was fixed); a limit the
// command line sets is kept, and the refusal says it is the limit.
// RUN: printf 'struct P { int x; };\n' > %t/many.cpp
// RUN: seq 1 21 | sed 's/.*/[[pure]] int r&(P \&p) { return p.x; }/' >> %t/many.cpp
// RUN: cp %t/many.cpp %t/many-before.cpp
// RUN: not %purecc check --fix %t/many.cpp -- -std=c++20 -ferror-limit=5 2>&1 | FileCheck %s --check-prefix=LIMIT
// LIMIT: fatal error: too many errors emitted, stopping now [-ferror-limit=]
// LIMIT: {{^}}purecc: error: not applying any fix-it: Clang stopped at the error limit the command line sets ('-ferror-limit'); without it every error is seen
// RUN: diff %t/many.cpp %t/many-before.cpp
// RUN: not %purecc check --fix %t/many.cpp -- -std=c++20 2>&1 | FileCheck %s --check-prefix=MANY -DDIR=%t
// MANY: {{^}}purecc: fixed '[[DIR]]/many.cpp' (21 fix-its)
// MANY-NEXT: {{^}}1 file, 0 pure functions verified, 21 violations
// RUN: grep -c 'const P &p' %t/many.cpp | FileCheck %s --check-prefix=COUNT
// COUNT: 21

BEGIN
// the input of fix.cpp
[[pure]] int square(int x) { return x * x; }
struct S { void f() {}; int g() { return 1; }; };
int k() { return 1 }
