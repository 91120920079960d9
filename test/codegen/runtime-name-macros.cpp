// Ordinary words a build defines as macros (`-Dchunk=64`, found by adv23,
// W3): the runtime's headers spell `chunk`, `grain` and `task` as names, and
// the rewritten program, which includes them first, did not compile (the
// launcher fell back to the serial build). The runtime's #include is now
// shielded from each such macro and the user's code still sees it.
// test/build/runtime-name-macros.test defines every name the headers spell.
// RUN: %purecc rewrite %s -o - -- -std=c++20 -Dchunk=64 -Dgrain=100 -Dtask=3 -DPLAIN | FileCheck %s --check-prefix=TEXT
// RUN: env E2E_CPPFLAGS="-Dchunk=64 -Dgrain=100 -Dtask=3 -DPLAIN" %e2e %s %t | FileCheck %s --check-prefix=OUT
// Without such macros on the command line (a macro the file defines comes
// after the runtime's #include, and one undefined by -U is no macro), the
// #include is as it was.
// RUN: %purecc rewrite %s -o - -- -std=c++20 -Dtask=3 -Utask | FileCheck %s --check-prefix=BARE

// TEXT:      {{^}}#pragma push_macro("chunk")
// TEXT-NEXT: {{^}}#undef chunk
// TEXT-NEXT: {{^}}#pragma push_macro("grain")
// TEXT-NEXT: {{^}}#undef grain
// TEXT-NEXT: {{^}}#pragma push_macro("task")
// TEXT-NEXT: {{^}}#undef task
// TEXT-NEXT: {{^}}#include <purecc/purecc.h>
// TEXT-NEXT: {{^}}#pragma pop_macro("chunk")
// TEXT-NEXT: {{^}}#pragma pop_macro("grain")
// TEXT-NEXT: {{^}}#pragma pop_macro("task")
// TEXT-NEXT: {{^}}#line 30

// BARE-NOT:  {{^}}#pragma push_macro
// BARE:      {{^}}#include <purecc/purecc.h>
// BARE-NEXT: {{^}}#line 30

#include <cstdio>

#ifndef chunk
#define chunk 30
#define grain 100
#define task 0
#endif

[[pure]] long heavy(long i) {
  long x = i;
  for (long k = 0; k < 200 + task; ++k)
    x = (x * 31 + k) % 1000003;
  return x;
}

int main() {
  long s = 0;
  for (long i = 0; i < chunk * grain; ++i)
    s += heavy(i);
  std::printf("%d %d %d %ld\n", chunk, grain, task, s);
  return 0;
}
// OUT: 64 100 3 {{[0-9]+}}
