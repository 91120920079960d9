// Only the main file is edited: pure functions from a user header are called
// as they are (a remark says so), while calls to them from the main file may
// still run in parallel. A header's helper that is not marked [[pure]]
// ('half', which the checker infers pure) is not remarked on: it was never
// meant to be rewritten. Function templates marked there are remarked on at
// the template, once, when an instantiation is used (adv35 t02), and a
// memoized function says that it runs without memoization.
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 -I%S/Inputs 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not="'half'"
// RUN: FileCheck %s --input-file=%t.out.cpp --strict-whitespace

#include "outside-main-templates.h"
#include "util.h"

// REMARK: outside-main-templates.h:4:31: remark: pure function 'spin' is defined outside the main file; it is called as it is [purecc-outside-main-file]
// REMARK: outside-main-templates.h:5:45: remark: pure function 'spun' is defined outside the main file; it is called as it is, without memoization [purecc-outside-main-file]
// REMARK: outside-main-templates.h:6:36: remark: pure function 'settled' is defined outside the main file; it is called as it is, without memoization [purecc-outside-main-file]

// REMARK: util.h:2:22: remark: pure function 'norm' is defined outside the main file; it is called as it is [purecc-outside-main-file]
// REMARK: util.h:3:22: remark: pure function 'twice' is defined outside the main file; it is called as it is [purecc-outside-main-file]
// REMARK: outside-main-file.cpp:[[@LINE+2]]:37: remark: calls to 'twice' and 'norm' run in parallel [purecc-parallel-calls]
// CHECK: {{^}}/*{{\[\[}}pure]]*/ long both(long x) { if (!::purecc::should_spawn()) return purecc_serial_both_2(x); auto [purecc_r0, purecc_r1] = ::purecc::parallel_invoke([&] { return twice(x); }, [&] { return norm(x - 9); }); return purecc_r0 * purecc_r1; }
[[pure]] long both(long x) { return twice(x) * norm(x - 9); }

// CHECK: {{^}}/*{{\[\[}}pure]]*/ long halved(long x) { return half(x); }
[[pure]] long halved(long x) { return half(x); }

// CHECK: {{^}}/*{{\[\[}}pure]]*/ long from_templates(long x) { if (!::purecc::should_spawn()) return purecc_serial_from_templates_{{[0-9]+}}(x); auto [purecc_r{{[0-9]+}}, purecc_r{{[0-9]+}}, purecc_r{{[0-9]+}}] = ::purecc::parallel_invoke([&] { return spin<long>(x); }, [&] { return spun(x); }, [&] { return settled(x); }); return purecc_r{{[0-9]+}} + purecc_r{{[0-9]+}} + purecc_r{{[0-9]+}}; }
[[pure]] long from_templates(long x) { return spin<long>(x) + spun(x) + settled(x); }
// REMARK: outside-main-file.cpp:[[@LINE-1]]:47: remark: calls to 'spin', 'spun' and 'settled' run in parallel [purecc-parallel-calls]
