// Only the main file is edited: pure functions from a user header are called
// as they are (a remark says so), while calls to them from the main file may
// still run in parallel.
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 -I%S/Inputs 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: FileCheck %s --input-file=%t.out.cpp --strict-whitespace

#include "util.h"

// REMARK: util.h:2:22: remark: pure function 'norm' is defined outside the main file; it is called as it is [purecc-outside-main-file]
// REMARK: util.h:3:22: remark: pure function 'twice' is defined outside the main file; it is called as it is [purecc-outside-main-file]
// REMARK: outside-main-file.cpp:[[@LINE+2]]:37: remark: calls to 'twice' and 'norm' run in parallel [purecc-parallel-calls]
// CHECK: {{^}}/*{{\[\[}}pure]]*/ long both(long x) { if (!purecc::should_spawn()) return purecc_serial_both_2(x); auto [purecc_r0, purecc_r1] = purecc::parallel_invoke([&] { return twice(x); }, [&] { return norm(x - 9); }); return purecc_r0 * purecc_r1; }
[[pure]] long both(long x) { return twice(x) * norm(x - 9); }
