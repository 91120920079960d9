// RUN: not %purecc check %s -- -std=c++20 2>&1 | FileCheck %s --strict-whitespace
//
// The note chain: why each callee is not pure, at each step's location, up
// to a depth of four, then "and N more" and the last step (where it ends).
int g_steps = 0;

void log_step() { ++g_steps; }
int step1(int x) { log_step(); return x; }
int step2(int x) { return step1(x) + 1; }
int step3(int x) { return step2(x) + 1; }
int step4(int x) { return step3(x) + 1; }
int step5(int x) { return step4(x) + 1; }

[[pure]] int short_chain(int x) { return step1(x); }

// CHECK: notes-chain.cpp:[[@LINE-2]]:42: error: pure function 'short_chain' calls 'step1', which is not pure [purecc-impure-call]
// CHECK-NEXT: {{^}}   14 | {{\[\[pure\]\]}} int short_chain(int x) { return step1(x); }
// CHECK-NEXT: {{^}}      |                                          ^~~~~~~~
// CHECK-NEXT: notes-chain.cpp:8:20: note: 'step1' is not pure because it calls 'log_step', which is not pure
// CHECK:      notes-chain.cpp:7:19: note: 'log_step' is not pure because it writes to global 'g_steps'
// CHECK:      notes-chain.cpp:14:3: note: 'short_chain' declared pure here

[[pure]] int long_chain(int x) { return step5(x); }

// CHECK:      notes-chain.cpp:[[@LINE-2]]:41: error: pure function 'long_chain' calls 'step5', which is not pure
// CHECK:      notes-chain.cpp:12:27: note: 'step5' is not pure because it calls 'step4', which is not pure
// CHECK:      notes-chain.cpp:11:27: note: 'step4' is not pure because it calls 'step3', which is not pure
// CHECK:      notes-chain.cpp:10:27: note: 'step3' is not pure because it calls 'step2', which is not pure
// CHECK:      notes-chain.cpp:9:27: note: 'step2' is not pure because it calls 'step1', which is not pure
// CHECK:      notes-chain.cpp:8:20: note: and 1 more step down the call chain
// CHECK-NEXT: {{^}}    8 | int step1(int x) { log_step(); return x; }
// CHECK-NEXT: {{^}}      |                    ^
// CHECK-NEXT: notes-chain.cpp:7:19: note: 'log_step' is not pure because it writes to global 'g_steps'
// CHECK:      notes-chain.cpp:23:3: note: 'long_chain' declared pure here
// CHECK:      2 errors generated.
