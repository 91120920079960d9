// A GNU variable-length array is a local array, but the lambda that carries
// the parallel code cannot capture it: its loops stay serial, and the
// remark says so, not that it is no local array (adv58 t27).
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 -Wno-vla-cxx-extension 2>&1 | FileCheck %s --implicit-check-not=remark:

[[pure]] long f(long x) {
  long r = x;
  for (int k = 0; k < 200; ++k)
    r = (r * 31 + k) % 1000003;
  return r;
}

long run(int n) {
  long buf[n];
  for (int i = 0; i < n; ++i)
    buf[i] = f(i);
  // CHECK: map-variable-length-array.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'buf' is a variable-length array, which the lambda of the parallel code cannot capture [purecc-missed-map]
  long t = 0;
  for (long x : buf)
    t ^= f(x);
  // CHECK: map-variable-length-array.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the range 'buf' is a variable-length array, which the lambda of the parallel code cannot capture [purecc-missed-reduction]
  return t;
}
