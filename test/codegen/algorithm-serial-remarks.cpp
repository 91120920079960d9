// A standard algorithm purecc does not rewrite, given a callable that
// calls a pure function, gets a remark with the true reason (adv82 F3: no
// word at all): one that stops early makes only the calls the serial one
// makes, std::generate's calls follow one another, std::for_each is not
// std::transform. Without pure work in the call (a plain sort), no remark.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT
#include <algorithm>
#include <cstdio>
#include <vector>

[[pure]] double f(double x) {
  double s = x;
  for (int k = 0; k < 300; ++k)
    s = s * 0.999 + 1;
  return s;
}

int main() {
  std::vector<double> v(200, 1.0), w(200);
  bool a = std::all_of(v.begin(), v.end(), [](double x) { return f(x) > 0; });
  // REMARK: algorithm-serial-remarks.cpp:[[@LINE-1]]:12: remark: call to 'std::all_of' not parallelized: it stops at the first element that decides its result, and purecc makes only the calls the serial algorithm makes (it rewrites the algorithms that visit every element: 'std::transform', 'std::count_if', 'std::transform_reduce') [purecc-missed-algorithm]
  auto it = std::find_if(v.begin(), v.end(), [](double x) { return f(x) > 900; });
  // REMARK: algorithm-serial-remarks.cpp:[[@LINE-1]]:13: remark: call to 'std::find_if' not parallelized: it stops at the first element
  std::generate(w.begin(), w.end(), [n = 0]() mutable { return f(n++); });
  // REMARK: algorithm-serial-remarks.cpp:[[@LINE-1]]:3: remark: call to 'std::generate' not parallelized: it calls its generator once per element, in order, and purecc does not rewrite it (a generator that keeps no state is a map: 'std::transform' over the indexes) [purecc-missed-algorithm]
  std::for_each(w.begin(), w.end(), [](double &x) { x = f(x); });
  // REMARK: algorithm-serial-remarks.cpp:[[@LINE-1]]:3: remark: call to 'std::for_each' not parallelized: purecc rewrites 'std::transform' into a parallel map, not 'std::for_each', whose function may do anything with each element (an in-place map is 'std::transform(v.begin(), v.end(), v.begin(), f)') [purecc-missed-algorithm]
  std::sort(w.begin(), w.end(), [](double p, double q) { return f(p) > f(q); });
  // REMARK: algorithm-serial-remarks.cpp:[[#SORT:@LINE-1]]:3: remark: call to 'std::sort' not parallelized: purecc does not rewrite 'std::sort' [purecc-missed-algorithm]
  std::sort(v.begin(), v.end());
  // A pure function named, a lambda kept in a variable, a function object.
  auto positive = [](double x) { return f(x) > 0; };
  struct Negative {
    bool operator()(double x) const { return f(x) < 0; }
  };
  bool b = std::any_of(v.begin(), v.end(), positive) && !std::none_of(v.begin(), v.end(), Negative{});
  // REMARK: algorithm-serial-remarks.cpp:[[@LINE-1]]:12: remark: call to 'std::any_of' not parallelized: it stops at the first element
  // REMARK: algorithm-serial-remarks.cpp:[[@LINE-2]]:58: remark: call to 'std::none_of' not parallelized: it stops at the first element
  std::generate_n(w.begin(), 10, [] { return f(3.0); });
  // REMARK: algorithm-serial-remarks.cpp:[[@LINE-1]]:3: remark: call to 'std::generate_n' not parallelized: it calls its generator once per element, in order
  std::for_each_n(w.begin(), 5, [](double &x) { x = f(x); });
  // REMARK: algorithm-serial-remarks.cpp:[[@LINE-1]]:3: remark: call to 'std::for_each_n' not parallelized: purecc rewrites 'std::transform' into a parallel map, not 'std::for_each_n'
  // Their std::ranges forms say the same (they got no word at all).
  bool c = std::ranges::all_of(v, positive);
  // REMARK: algorithm-serial-remarks.cpp:[[@LINE-1]]:12: remark: call to 'std::ranges::all_of' not parallelized: it stops at the first element that decides its result
  auto rit = std::ranges::find_if(v, [](double x) { return f(x) > 900; });
  // REMARK: algorithm-serial-remarks.cpp:[[@LINE-1]]:14: remark: call to 'std::ranges::find_if' not parallelized: it stops at the first element
  std::ranges::for_each(w, [](double &x) { x = f(x); });
  // REMARK: algorithm-serial-remarks.cpp:[[@LINE-1]]:3: remark: call to 'std::ranges::for_each' not parallelized: purecc rewrites 'std::transform' into a parallel map, not 'std::for_each'
  std::ranges::sort(w, [](double p, double q) { return f(p) < f(q); });
  // REMARK: algorithm-serial-remarks.cpp:[[#RSORT:@LINE-1]]:3: remark: call to 'std::ranges::sort' not parallelized: purecc does not rewrite 'std::ranges::sort' [purecc-missed-algorithm]
  std::ranges::sort(v);
  // The comparator's two calls, each worth a task, run in parallel.
  // REMARK: algorithm-serial-remarks.cpp:[[#SORT]]:65: remark: calls to 'f' and 'f' run in parallel [purecc-parallel-calls]
  // REMARK: algorithm-serial-remarks.cpp:[[#RSORT]]:56: remark: calls to 'f' and 'f' run in parallel [purecc-parallel-calls]
  std::printf("%d %d %d %ld %ld %.6f %.6f\n", a, b, c, long(it - v.begin()), long(rit - v.begin()), w[0], w[199]);
  return 0;
}
// OUT: 1 0 1 200 200
