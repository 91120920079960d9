// A pure function with a floating-point reduction returns the same bits on
// both of its paths: the parallel one (tree order) and its serial clone,
// taken when no worker is idle (at 1 thread always, at 2 and 4 for some
// calls). The clone repeats the reduction's tree, so the bits depend on
// neither the thread count nor the path.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT
// The serial build folds left to right, so its bits differ from the tree's:
// the e2e run prints only whether the bits agree within one run. The bits
// themselves must agree across thread counts (at 1 thread every call takes
// the serial clone, at 2 and 4 the first call takes the parallel path):
// RUN: bash -c 'for b in %t.g++* %t.clang++*; do for t in 1 2 4; do OMP_NUM_THREADS=$t $b bits || exit 1; done | uniq | wc -l | grep -qx 1 || exit 1; done'

#include <cstdio>
#include <cstring>
#include <numeric>
#include <vector>

[[pure]] double wsum(const std::vector<double> &v, double w) {
  double s = 0.0;
  for (long i = 0; i < static_cast<long>(v.size()); ++i)
    s += w * v[i];
  return s;
}
// CHECK: static double purecc_serial_wsum_{{[0-9]+}}(const std::vector<double> &v, double w) {
// CHECK-NEXT: double s = 0.0;
// CHECK-NEXT: ::purecc::unfolded(s) += ::purecc::parallel_reduce(0, static_cast<long>(v.size()), ::purecc::additive_identity<double>(), [&](std::int64_t i) -> double { double purecc_acc_{{[0-9]+}} = ::purecc::additive_identity<double>();
// CHECK: double wsum(const std::vector<double> &v, double w) { if (!::purecc::should_spawn()) return purecc_serial_wsum_{{[0-9]+}}(v, w);

[[pure]] double dot(const std::vector<double> &v) {
  return std::accumulate(v.begin(), v.end(), 0.0);
}
// CHECK: static double purecc_serial_dot_{{[0-9]+}}(const std::vector<double> &v) {
// CHECK-NEXT: return ::purecc::unfolded_add<double>(0.0, ::purecc::parallel_reduce(

[[pure]] double both(const std::vector<double> &v) {
  // Two calls that parallel-calls may run in parallel: one may take the clone.
  double a = wsum(v, 0.1);
  double b = wsum(v, 0.1);
  return a - b + dot(v) - dot(v);
}

int main(int argc, char **) {
  std::vector<double> v(100000);
  for (long i = 0; i < 100000; ++i)
    v[i] = 1.0 / (1.0 + static_cast<double>(i % 977)) - 0.3;
  double first = wsum(v, 0.1);
  if (argc > 1) {
    std::printf("%a\n", first);
    return 0;
  }
  bool same = true;
  for (int k = 0; k < 20; ++k) {
    double again = wsum(v, 0.1);
    same = same && std::memcmp(&first, &again, sizeof first) == 0;
    same = same && both(v) == 0.0;
  }
  std::printf("identical bits on every path: %d\n", same);
  // OUT: identical bits on every path: 1
}
