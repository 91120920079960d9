// A loop that runs into the next 'case' label falls through on purpose, and
// g++ -Wimplicit-fallthrough (in -Wextra) is silent after a loop. The
// statement that replaces a rewritten loop is a call, which g++ warns about
// ("this statement may fall through"): the rewritten loop is followed by
// '[[fallthrough]];', in the serial clone too. A loop that ends its case with
// 'break', or is followed by the user's own '[[fallthrough]];', gets none.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>

[[pure]] long heavy(long x) {
  long s = 0;
  for (long k = 0; k < 300; ++k)
    s += (x * k + 3) % 7;
  return s;
}

[[pure]] double wsum(long n, long mode) {
  double s = 0;
  switch (mode) {
  case 1:
    // In the serial clone, then in 'wsum':
    // CHECK: purecc_rhs; }); {{\[\[}}fallthrough]];
    // CHECK-NEXT: case 2:
    // CHECK: purecc_rhs; }); {{\[\[}}fallthrough]];
    // CHECK-NEXT: case 2:
    for (long i = 0; i < n; ++i)
      s += 0.5 * static_cast<double>(heavy(i));
  case 2:
    s += 1;
    break;
  }
  return s;
}

int main(int argc, char **) {
  long s = 0, u = 0;
  long a[1000] = {};
  switch (argc) {
  case 1:
    // CHECK: purecc_rhs); })); {{\[\[}}fallthrough]];
    // CHECK-NEXT: case 2:
    for (long i = 0; i < 2000; ++i)
      s += heavy(i);
  case 2:
  case 3:
    // Two labels before the loop, a map, then 'default'.
    // CHECK: heavy(i) % 3; } }); {{\[\[}}fallthrough]];
    // CHECK-NEXT: default:
    for (long i = 0; i < 1000; ++i)
      a[i] = heavy(i) % 3;
  default:
    u += 1;
  }
  long w = 0;
  switch (argc) {
  case 1:
    // CHECK: purecc_rhs); }));{{$}}
    // CHECK-NEXT: {{\[\[}}fallthrough]];
    for (long i = 0; i < 500; ++i)
      w += heavy(i);
    [[fallthrough]];
  case 2:
    // CHECK: purecc_rhs); }));{{$}}
    // CHECK-NEXT: break;
    for (long i = 0; i < 500; ++i)
      w += heavy(i + 1);
    break;
  }
  std::printf("%ld %ld %ld %ld %.1f\n", s, a[999], u, w, wsum(300, 1));
  // OUT: {{^}}1800003 1 1 900009 135001.5{{$}}
}
