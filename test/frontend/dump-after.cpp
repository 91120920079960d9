// `--dump-after=<step>[,<step>...]|all` prints the state after each step it
// names (frontend/Steps.def). The verify dump shows the effects behind each
// verdict; the plan dump shows the edits the rewrite will make.
// RUN: not %purecc check --dump-after=verify %s -- -std=c++20 2>/dev/null | FileCheck %s --check-prefix=VERIFY
// RUN: %purecc rewrite --warn-only --dump-after=verify,plan %s -o /dev/null -- -std=c++20 2>/dev/null | FileCheck %s --check-prefix=BOTH
// RUN: not %purecc check --dump-after=all %s -- -std=c++20 2>/dev/null | FileCheck %s --check-prefix=ALL
// RUN: sh -c '%purecc rewrite --dump-after=plan,emit %s -o /dev/null 2>&1; echo "exit $?"' | FileCheck %s --check-prefix=EMIT
// RUN: sh -c '%purecc check --dump-after=verify,plan %s 2>&1; echo "exit $?"' | FileCheck %s --check-prefix=CHECKPLAN

#include <vector>

int counter = 0;
int helper(int x) { return x + 1; }

// VERIFY:      {{^}}pure   twice  ({{.*}}dump-after.cpp:[[@LINE+2]])
// VERIFY-NEXT: {{^}}    call  dump-after.cpp:[[@LINE+1]]:36  calls 'helper'  [callee judged pure]
[[pure]] int twice(int x) { return helper(x) + x; }

[[pure]] int sum(const std::vector<int> &v) {
  int s = 0;
  for (int i = 0; i < (int)v.size(); ++i)
    s += twice(v[i]);
  return s;
}

// VERIFY:      {{^}}impure bump  ({{.*}}dump-after.cpp:[[@LINE+2]])
// VERIFY-NEXT: {{^}}    global-write  dump-after.cpp:[[@LINE+1]]:46  'counter'  [violation]
[[pure]] int bump(int x) { return x + counter++; }

int main() { return sum({1, 2, 3}) == 15 ? 0 : 1; }

// BOTH:      {{^}}=== after verify ===
// BOTH-NEXT: {{^}}pure   twice
// BOTH:      {{^}}=== after plan ===
// The loop of sum, lines 21-22: its header becomes the reduction's, and
// its body's end closes the leaf.
// BOTH:      {{^}}reduction 21:3 s:+
// BOTH:      {{^}}edit 21:3-21:42 replaces
// BOTH-NEXT: {{^}}  | s = ::purecc::wrapping_add<int>(s, ::purecc::parallel_reduce(0, (int)v.size(), int{}, [&](std::int64_t purecc_i0) -> int {{.*}}
// BOTH-NEXT: {{^}}edit 22:5-22:6 replaces
// BOTH-NEXT: {{^}}  | purecc_acc_0
// BOTH-NEXT: {{^}}edit 22:22-22:22 inserts
// BOTH-NEXT: {{^}}  |  } return purecc_acc_0; }, [](int purecc_lhs, int purecc_rhs) { return ::purecc::wrapping_add(purecc_lhs, purecc_rhs); }, ::purecc::leaf_size{2048}));
// BOTH-NOT:  {{^}}=== after

// ALL:      {{^}}=== after parse ===
// ALL-NEXT: {{^}}TranslationUnitDecl
// ALL:      {{^}}=== after verify ===
// ALL-NEXT: {{^}}pure   twice
// ALL-NOT:  {{^}}=== after

// EMIT:      {{^}}purecc: error: invalid value 'emit' for '--dump-after' (expected parse, verify, plan, rewrite or all)
// EMIT-NEXT: {{^}}exit 2
// CHECKPLAN:      {{^}}purecc: error: 'check' stops after 'verify'; use 'rewrite' to dump later steps
// CHECKPLAN-NEXT: {{^}}exit 2
