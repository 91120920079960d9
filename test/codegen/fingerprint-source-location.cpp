// A memoized function that uses where it is written ('__builtin_LINE()',
// '__builtin_FILE()', also as a callee's default argument, which gives the
// line of the call) computes another value once moved: its fingerprint
// changes with that line or file (adv27 F1), and stays when only other
// lines move (a function that uses neither keeps its key).
// RUN: %purecc rewrite --dump-after=plan %s -o /dev/null -- -std=c++20 | sed -e 's|^memo [0-9:]* ||' > %t.base
// RUN: sed -e 's|^// Moved below.$|&\n// one line more|' %s > %t.moved.cpp
// RUN: %purecc rewrite --dump-after=plan %t.moved.cpp -o /dev/null -- -std=c++20 | sed -e 's|^memo [0-9:]* ||' > %t.moved
// RUN: cp %s %t.renamed.cpp
// RUN: %purecc rewrite --dump-after=plan %t.renamed.cpp -o /dev/null -- -std=c++20 | sed -e 's|^memo [0-9:]* ||' > %t.renamed
// RUN: FileCheck %s --input-file=%t.base
// RUN: grep -c "" %t.moved.cpp | FileCheck %s --check-prefix=LINES
// RUN: grep '^stable ' %t.base > %t.stable.base
// RUN: grep '^stable ' %t.moved > %t.stable.moved
// RUN: grep '^lined ' %t.base > %t.lined.base
// RUN: grep '^lined ' %t.moved > %t.lined.moved
// RUN: grep '^lined ' %t.renamed > %t.lined.renamed
// RUN: grep '^at_call ' %t.base > %t.at_call.base
// RUN: grep '^at_call ' %t.moved > %t.at_call.moved
// RUN: grep '^filed ' %t.base > %t.filed.base
// RUN: grep '^filed ' %t.renamed > %t.filed.renamed
// LINES: 40
// RUN: diff %t.stable.base %t.stable.moved
// RUN: not diff %t.lined.base %t.lined.moved
// RUN: not diff %t.at_call.base %t.at_call.moved
// RUN: diff %t.lined.base %t.lined.renamed
// RUN: not diff %t.filed.base %t.filed.renamed

// CHECK-DAG: stable fingerprint 0x{{[0-9a-f]+}}:0x{{[0-9a-f]+}}
// CHECK-DAG: lined fingerprint 0x{{[0-9a-f]+}}:0x{{[0-9a-f]+}}
// CHECK-DAG: at_call fingerprint 0x{{[0-9a-f]+}}:0x{{[0-9a-f]+}}
// CHECK-DAG: filed fingerprint 0x{{[0-9a-f]+}}:0x{{[0-9a-f]+}}

// Moved below.
[[pure]] long where(long n, long line = __builtin_LINE()) { return n * 1000 + line; }
[[pure]] [[purecc::memo]] long stable(long n) { return n + 1; }
[[pure]] [[purecc::memo]] long lined(long n) { return n + __builtin_LINE(); }
[[pure]] [[purecc::memo]] long at_call(long n) { return where(n); }
[[pure]] [[purecc::memo]] long filed(long n) { return n + (long)__builtin_strlen(__builtin_FILE()); }
