// Where the runtime's #include goes and what it brings (adv38 t01, t02,
// t03, t07). It goes before the file's first #include, after the macros the
// file sets to configure the library (here libstdc++'s debug mode, whose
// vector is bigger: the rewritten program printed 24 where the serial one
// printed 56), shielded from a macro named like a runtime word ('chunk').
// It declares no C math functions: a user's 'float sqrt(float)' is still
// what 'sqrt(2.0)' calls (the rewritten program called '::sqrt(double)'),
// and globals named like <math.h>'s 'y1' and 'j0' still compile. A macro
// named like what the generated code spells ('leaf_size') keeps the unit
// as written when it is in effect where that code goes, #undef'd after it
// or not; one defined after that code is no matter.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --check-prefix=TEXT
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT
// RUN: %purecc rewrite %s -o %t.macro.cpp -- -std=c++20 -DLEAF_MACRO 2>&1 | FileCheck %s --check-prefix=MACRO
// RUN: not grep -q '^#include <purecc/purecc.h>' %t.macro.cpp

// TEXT:      {{^}}#define chunk 30
// TEXT:      {{^}}#pragma push_macro("chunk")
// TEXT-NEXT: {{^}}#undef chunk
// TEXT-NEXT: {{^}}#include <purecc/purecc.h>
// TEXT-NEXT: {{^}}#pragma pop_macro("chunk")
// TEXT-NEXT: {{^}}#line [[#@LINE+9]] "{{.*}}runtime-include.cpp"
// TEXT-NEXT: {{^}}#include <cstdio>

#define _GLIBCXX_DEBUG 1
#define chunk 30
#ifdef LEAF_MACRO
#define leaf_size 256
// MACRO: runtime-include.cpp:[[@LINE-1]]:9: remark: unit compiled as written, without parallel code: the code purecc generates spells 'leaf_size', which is a macro here [purecc-runtime-name-macro]
#endif
#include <cstdio>
#include <vector>

// The user's own square root, in float (Newton's method).
float sqrt(float x) {
  float r = x > 1 ? x : 1;
  for (int k = 0; k < 30; ++k)
    r = 0.5f * (r + x / r);
  return r;
}
long y1 = 3;
long j0 = 4;

[[pure]] long mix(long i) {
  long h = i;
  for (int k = 0; k < 200; ++k)
    h = (h * 2654435761L + k) % 1000003;
  return h;
}

// Loop-free: the reduction's leaf size is written out ('leaf_size').
[[pure]] unsigned long hash(long i) {
  unsigned long h = (unsigned long)i * 2654435761UL;
  return h ^ (h >> 13);
}

int main(int argc, char **) {
  long s = 0;
  for (long i = 0; i < 20000L * argc * chunk; ++i)
    s += mix(i);
  unsigned long t = 0;
  for (long i = 0; i < 200000L * argc; ++i)
    t += hash(i);
  double d = 2.0;
  std::vector<long> v(3, 1);
  // OUT: 299999549329 {{[0-9]+}} 0x1.6a09e6p+0 3 4 56
  std::printf("%ld %lu %a %ld %ld %zu\n", s, t, (double)sqrt(d), y1, j0, sizeof v);
  return 0;
}
#ifdef LEAF_MACRO
#undef leaf_size
#endif
#define leaf_size 512
