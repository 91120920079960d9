// A generic lambda that keeps an address it is given keeps it somewhere:
// in what it captures (`[&cp](auto &v) { cp = &v[9]; }`, a captured
// pointer `*sink = &v[7]`), or through another argument (`long **o`,
// `long *&o`). Each of those then holds the argument, so a loop that reads
// through it reads the storage a map or a reduction would change (adv51
// t16, t19, t23, t26, t29, t32: serial 410767164696154828, rewritten
// -5529424172808057515). A generic lambda that keeps nothing still lets
// the loop run in parallel.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <memory>
#include <vector>

[[pure]] long work(long i) {
  long s = 0;
  for (int k = 0; k < 150; ++k)
    s += (i * 31 + k * 7) % 13;
  return s;
}

long digest(const std::vector<long> &v) {
  long t = 0;
  for (long x : v)
    t = t * 3 + x;
  return t;
}

long capturedByReference(long n) {
  std::vector<long> c(n, 1);
  long *cp = nullptr;
  auto keep = [&cp](auto &v) { cp = &v[9]; };
  keep(c);
  for (long i = 0; i < n; ++i)
    c[i] = work(i) + *cp;
  // REMARK: escapes-generic-lambda-stores.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'c' is read inside the loop body (through 'cp', declared on line [[@LINE-5]]) [purecc-missed-map]
  return digest(c);
}

long capturedPointer(long n) {
  auto sink = std::make_shared<long *>();
  auto put = [sink](auto &v) { *sink = &v[7]; };
  std::vector<long> b(n, 1);
  put(b);
  for (long i = 0; i < n; ++i)
    b[i] = work(i) + **sink;
  // REMARK: escapes-generic-lambda-stores.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'b' is read inside the loop body (through 'sink', declared on line [[@LINE-6]]) [purecc-missed-map]
  return digest(b);
}

long throughPointerArgument(long n) {
  std::vector<long> c(n, 1);
  auto out = [](auto &v, long **o) { *o = &v[9]; };
  long *cp = nullptr;
  out(c, &cp);
  for (long i = 0; i < n; ++i)
    c[i] = work(i) + *cp;
  // REMARK: escapes-generic-lambda-stores.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'c' is read inside the loop body (through 'cp', declared on line [[@LINE-4]]) [purecc-missed-map]
  return digest(c);
}

long throughReferenceArgument(long n) {
  std::vector<long> c(n, 1);
  long *p = nullptr;
  auto keep = [](auto &v, long *&o) { o = &v[9]; };
  keep(c, p);
  for (long i = 0; i < n; ++i)
    c[i] = work(i) + *p;
  // REMARK: escapes-generic-lambda-stores.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'c' is read inside the loop body (through 'p', declared on line [[@LINE-5]]) [purecc-missed-map]
  return digest(c);
}

struct St {
  long sum = 0;
};

long memberAddress(long n) {
  St acc;
  long *cp = nullptr;
  auto keep = [&cp](auto &st) { cp = &st.sum; };
  keep(acc);
  long obs = 0;
  for (long i = 0; i < n; ++i) {
    acc.sum += work(i);
    obs += *cp & 1;
  }
  // REMARK: escapes-generic-lambda-stores.cpp:[[@LINE-4]]:3: remark: loop not parallelized: 'acc' is read inside the loop body (through 'cp', declared on line [[@LINE-8]]) [purecc-missed-reduction]
  return acc.sum * 7 + obs;
}

long parallelCalls(long a) {
  St s;
  s.sum = a;
  long *cp = nullptr;
  auto keep = [&cp](auto &obj) { cp = &obj.sum; };
  keep(s);
  long r1 = work(a + 5);
  *cp = 1000;
  long r2 = work(s.sum);
  // REMARK: escapes-generic-lambda-stores.cpp:[[@LINE-1]]:13: remark: calls to 'work' and 'work' not parallelized: '*cp = 1000' between them writes through a pointer or reference, which may reach 's', and the call to 'work' reads it [purecc-missed-parallel-calls]
  return r1 * 1000003 + r2;
}

long keepsNothing(long n) {
  std::vector<long> c(n, 1);
  auto size = [](const auto &v) { return static_cast<long>(v.size()); };
  long m = size(c);
  for (long i = 0; i < n; ++i)
    c[i] = work(i) + m;
  // REMARK: escapes-generic-lambda-stores.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'c' [purecc-parallel-map]
  return digest(c);
}

int main(int argc, char **) {
  long n = 6000 + argc;
  std::printf("%ld %ld\n", capturedByReference(n), capturedPointer(n));
  std::printf("%ld %ld\n", throughPointerArgument(n), throughReferenceArgument(n));
  std::printf("%ld %ld %ld\n", memberAddress(n), parallelCalls(argc), keepsNothing(n));
  // OUT: 410767164696154828 5477258604085320565
  // OUT-NEXT: 410767164696154828 410767164696154828
  // OUT-NEXT: 37809532 903003614 -3774180258524710315
}
