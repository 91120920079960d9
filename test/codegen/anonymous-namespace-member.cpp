// A class with a member of an anonymous namespace's type: g++ takes the
// rewritten file's code, under `#line`s naming this file, for a header's
// and warned (-Wsubobject-linkage), so a -Werror build of the rewritten
// program failed and the launcher compiled the serial one (adv86 F7). The
// rewritten file turns that warning off for g++ only.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --check-prefix=TEXT
// RUN: %e2e %s %t | FileCheck %s
// TEXT:      {{^}}#if defined(__GNUC__) && !defined(__clang__){{$}}
// TEXT-NEXT: {{^}}#pragma GCC diagnostic ignored "-Wsubobject-linkage"{{$}}
// TEXT-NEXT: {{^}}#endif{{$}}
// TEXT-NEXT: {{^}}#include <purecc/purecc.h>{{$}}
#include <cstdio>

namespace {
struct Inner {
  double v;
  [[pure]] double get() const { return v; }
};
} // namespace
struct Outer {
  Inner in;
};

[[pure]] double f(const Outer &o, int k) {
  double s = 0;
  for (int i = 0; i < k; ++i)
    s += o.in.get() * i;
  return s;
}

int main() {
  Outer o{{2.0}};
  std::printf("%g\n", f(o, 100000));
  return 0;
}
// CHECK: 9.9999e+09
