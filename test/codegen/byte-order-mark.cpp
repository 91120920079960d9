// A file that starts with a UTF-8 byte order mark (common in code saved on
// Windows) keeps it as the output's first bytes, before the runtime's
// #include: g++ and clang++ skip a byte order mark only at the start of a
// file. Before, the #include went first and g++ rejected the output.
// RUN: %purecc rewrite %s -o %t.out.cpp -- -std=c++20
// RUN: head -c 3 %t.out.cpp | od -An -tx1 | FileCheck %s --check-prefix=BOM
// BOM: ef bb bf
// RUN: tail -c +4 %t.out.cpp | FileCheck %s --check-prefix=FIRST
// FIRST:      {{^}}// A file that starts
// FIRST:      {{^}}#include <purecc/purecc.h>{{$}}
// FIRST-NEXT: {{^}}#line 15 "{{.*}}byte-order-mark.cpp"
// FIRST-NEXT: {{^}}#include <cstdio>
// RUN: %e2e %s %t | FileCheck %s
// CHECK: 1249975000
#include <cstdio>

[[pure]] long twice(long i) { return 2 * i; }

int main() {
  long s = 0;
  for (long i = 0; i < 50000; ++i)
    s += twice(i) / 2;
  std::printf("%ld\n", s);
}
