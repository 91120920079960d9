// The output keeps the input's line numbers: compiler diagnostics in the
// rewritten program point at the user's file and line. Rewriting the output
// again changes nothing.
// RUN: %purecc rewrite %s -o %t.out.cpp -- -std=c++20
// RUN: %purecc rewrite %t.out.cpp -o %t.again.cpp -- -std=c++20 -I%S/../../runtime/include
// RUN: diff %t.out.cpp %t.again.cpp
// RUN: %cxx %rt_cflags -Wall -Wextra -c %t.out.cpp -o /dev/null 2>&1 | FileCheck %s --check-prefix=GCC
// RUN: %clangxx %rt_cflags -Wall -Wextra -c %t.out.cpp -o /dev/null 2>&1 | FileCheck %s --check-prefix=CLANG
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace

// The runtime's #include goes before the file's first one, after the
// comments and directives before it (adv38 t07).
// CHECK:      {{^}}// The output keeps
// CHECK:      {{^}}#include <purecc/purecc.h>
// CHECK-NEXT: {{^}}#include <limits>
// CHECK-NEXT: {{^}}#line 19 "{{.*}}line-directives.cpp"
// CHECK-NEXT: {{^}}#include <algorithm>

#include <algorithm>

[[pure]] int f(int x) { return x % 7; }

int main() {
  int best = 0;
  for (int i = 0; i < 5000; ++i)
    best = std::max(best, f(i));
  int unused = f(3);
  // GCC: line-directives.cpp:[[@LINE-1]]:7: warning: unused variable 'unused'
  // CLANG: line-directives.cpp:[[@LINE-2]]:7: warning: unused variable 'unused'
  return best;
}
