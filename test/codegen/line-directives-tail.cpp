// A rewritten call that spans lines and has more of its statement after it
// on its last line: the rest of that line follows the rewritten call once,
// and the next line is the user's next line (user47 k01: the whole last
// line was copied again, the call's tail twice, and neither compiler
// accepted the output).
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <functional>
#include <numeric>
#include <vector>

int main() {
  std::vector<double> v(100000);
  for (int i = 0; i < 100000; ++i)
    v[i] = i * 0.5;
  // CHECK:      {{^}}  double s = ::purecc::unfolded_add<double>(0.0, ::purecc::parallel_reduce({{.*}})) / 2.0;{{$}}
  // CHECK-NEXT: {{^}}#line [[@LINE+4]] "{{.*}}line-directives-tail.cpp"
  // CHECK-NEXT: {{^}}  double m = 3.0;{{$}}
  double s = std::accumulate(v.begin(), v.end(),
                             0.0) / 2.0;
  double m = 3.0;
  // CHECK:      {{^}}  double t = {{.*}}::purecc::parallel_reduce({{.*}}) / 2.0 +{{$}}
  // CHECK-NEXT: {{^}}#line [[@LINE+4]] "{{.*}}line-directives-tail.cpp"
  // CHECK-NEXT: {{^}}             1.0;{{$}}
  double t = std::transform_reduce(v.begin(), v.end(), 0.0, std::plus<>(),
                                   [m](double x) { return (x - m) * (x - m); }) / 2.0 +
             1.0;
  std::printf("%.17g %.17g\n", s, t);
}
// OUT: 1249987500 41658542193751
