// A memoized function's fingerprint ignores comments and layout, and changes
// when its body or the body of a function it calls changes.
// RUN: %purecc rewrite --dump-after=plan %s -o /dev/null -- -std=c++20 > %t.base
// RUN: sed -e 's|// A comment.|/* Another comment, */|' -e 's|return v % 97;|return   v %  97 ;|' %s > %t.layout.cpp
// RUN: %purecc rewrite --dump-after=plan %t.layout.cpp -o /dev/null -- -std=c++20 > %t.layout
// RUN: sed -e 's|return v % 97;|return v % 89;|' %s > %t.callee.cpp
// RUN: %purecc rewrite --dump-after=plan %t.callee.cpp -o /dev/null -- -std=c++20 > %t.callee
// RUN: FileCheck %s --input-file=%t.base
// RUN: diff %t.base %t.layout
// RUN: not diff %t.base %t.callee
// RUN: grep -c "^memo" %t.callee | FileCheck %s --check-prefix=ONE
// Its name is part of it (adv44 t06): it names the classes its body declares.
// RUN: sed -e 's|long cached(long n)|long kept(long n)|' %s > %t.renamed.cpp
// RUN: %purecc rewrite --dump-after=plan %t.renamed.cpp -o /dev/null -- -std=c++20 | grep "^memo" | sed 's/.*fingerprint//' > %t.renamed
// RUN: grep "^memo" %t.base | sed 's/.*fingerprint//' > %t.basefp
// RUN: not diff %t.basefp %t.renamed
// The optimization level counts always: where the target has FMA
// instructions it decides whether 'a * b + c' is contracted (g++ at -O2,
// not -O1: adv44 t01), and it orders `#pragma omp simd` reductions and
// decides g++'s folding of libm calls (adv95 F1).
// RUN: %purecc rewrite --dump-after=plan %s -o /dev/null -- -std=c++20 -O1 | grep "^memo" > %t.o1
// RUN: %purecc rewrite --dump-after=plan %s -o /dev/null -- -std=c++20 -O2 | grep "^memo" > %t.o2
// RUN: not diff %t.o1 %t.o2
// RUN: %purecc rewrite --dump-after=plan %s -o /dev/null -- -std=c++20 -O1 -mfma | grep "^memo" > %t.fma1
// RUN: %purecc rewrite --dump-after=plan %s -o /dev/null -- -std=c++20 -O2 -mfma | grep "^memo" > %t.fma2
// RUN: not diff %t.fma1 %t.fma2
// RUN: not diff %t.o1 %t.fma1
// RUN: %purecc rewrite --dump-after=plan %s -o /dev/null -- -std=c++20 -O2 -mfma -ffp-contract=off | grep "^memo" > %t.off1
// RUN: %purecc rewrite --dump-after=plan %s -o /dev/null -- -std=c++20 -O1 -mfma -ffp-contract=off | grep "^memo" > %t.off2
// RUN: not diff %t.off1 %t.off2

// CHECK: memo [[@LINE+5]]:32 cached fingerprint 0x{{[0-9a-f]+}}:0x{{[0-9a-f]+}}
// ONE: 1

// A comment.
[[pure]] long weight(long v) { return v % 97; }
[[pure]] [[purecc::memo]] long cached(long n) { return weight(n) + 1; }
