// A generic lambda that may keep an address it is given, through a route
// the holders of escapes-generic-lambda-stores.cpp do not follow: a global,
// an init-capture, a captured 'long **', a captured reference alias, a
// struct with a reference member, a temporary, 'std::ref'. Its argument's
// address escapes at the call, so a loop after it that writes the argument
// stays serial (adv52 t17, t20, t86, t21, t84, t115, t116: the serial loop
// reads the updated 'c[9]' from iteration 10 on; the parallel map did not).
// The escape used to be dropped where the call also takes the argument's
// storage (a non-const reference to a class).
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <functional>
#include <string>
#include <vector>

[[pure]] long work(long i) {
  long s = 0;
  for (int k = 0; k < 150; ++k)
    s += (i * 31 + k * 7) % 13;
  return s;
}

[[pure]] std::string piece(long i, unsigned long m) { return std::to_string(work(i) % 100 + long(m % 7)); }

long digest(const std::vector<long> &v) {
  long t = 0;
  for (long x : v)
    t = t * 3 + x;
  return t;
}

long *gp;

long global(long n) {
  std::vector<long> c(n, 1);
  auto keep = [](auto &v) { gp = &v[9]; };
  keep(c);
  for (long i = 0; i < n; ++i)
    c[i] = work(i) + *gp;
  // REMARK: escapes-generic-lambda-indirect.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'c' escapes ('keep(c)' on line [[@LINE-3]]) [purecc-missed-map]
  return digest(c);
}

long initCapture(long n) {
  std::vector<long> c(n, 1);
  long *cp = nullptr;
  auto keep = [q = &cp](auto &v) { *q = &v[9]; };
  keep(c);
  for (long i = 0; i < n; ++i)
    c[i] = work(i) + *cp;
  // REMARK: escapes-generic-lambda-indirect.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'c' escapes ('keep(c)' on line [[@LINE-3]]) [purecc-missed-map]
  return digest(c);
}

long capturedPointerToPointer(long n) {
  std::vector<long> c(n, 1);
  long *cp = nullptr;
  long **pp = &cp;
  auto keep = [pp](auto &v) { *pp = &v[9]; };
  keep(c);
  for (long i = 0; i < n; ++i)
    c[i] = work(i) + *cp;
  // REMARK: escapes-generic-lambda-indirect.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'c' escapes ('keep(c)' on line [[@LINE-3]]) [purecc-missed-map]
  return digest(c);
}

long referenceAlias(long n) {
  std::vector<long> c(n, 1);
  long *cp = nullptr;
  long *&al = cp;
  auto keep = [&al](auto &v) { al = &v[9]; };
  keep(c);
  for (long i = 0; i < n; ++i)
    c[i] = work(i) + *cp;
  // REMARK: escapes-generic-lambda-indirect.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'c' escapes ('keep(c)' on line [[@LINE-3]]) [purecc-missed-map]
  return digest(c);
}

struct Slot {
  long *&r;
};

long referenceMember(long n) {
  std::vector<long> c(n, 1);
  long *cp = nullptr;
  Slot s{cp};
  auto keep = [&s](auto &v) { s.r = &v[9]; };
  keep(c);
  for (long i = 0; i < n; ++i)
    c[i] = work(i) + *cp;
  // REMARK: escapes-generic-lambda-indirect.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'c' escapes ('keep(c)' on line [[@LINE-3]]) [purecc-missed-map]
  return digest(c);
}

long temporaryArgument(long n) {
  std::vector<long> c(n, 1);
  long *cp = nullptr;
  auto keep = [](auto &v, Slot o) { o.r = &v[9]; };
  keep(c, Slot{cp});
  for (long i = 0; i < n; ++i)
    c[i] = work(i) + *cp;
  // REMARK: escapes-generic-lambda-indirect.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'c' escapes ('keep(c, Slot{cp})' on line [[@LINE-3]]) [purecc-missed-map]
  return digest(c);
}

long referenceWrapper(long n) {
  std::vector<long> c(n, 1);
  long *cp = nullptr;
  auto keep = [](auto &v, auto p) { p.get() = &v[9]; };
  keep(c, std::ref(cp));
  for (long i = 0; i < n; ++i)
    c[i] = work(i) + *cp;
  // REMARK: escapes-generic-lambda-indirect.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'c' escapes ('keep(c, std::ref(cp))' on line [[@LINE-3]]) [purecc-missed-map]
  return digest(c);
}

// A concatenation (adv52 t78) and parallel calls (t71) by the same route.
std::string concatenation(long n) {
  std::string out;
  std::string *sp = nullptr;
  std::string *&al = sp;
  auto keep = [&al](auto &s) { al = &s; };
  keep(out);
  for (long i = 0; i < n; ++i)
    out += piece(i, sp->size());
  // REMARK: escapes-generic-lambda-indirect.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'out' escapes [purecc-missed-reduction]
  return out;
}

long parallelCalls(long a) {
  std::vector<long> v(8, a);
  auto keep = [](auto &x) { gp = &x[0]; };
  keep(v);
  long r1 = work(v[0] + 1);
  *gp += 5;
  long r2 = work(v[0] + 2);
  // REMARK: escapes-generic-lambda-indirect.cpp:[[@LINE-1]]:13: remark: calls to 'work' and 'work' not parallelized: '*gp += 5' between them writes through a pointer or reference, which may reach 'v', and the call to 'work' reads it [purecc-missed-parallel-calls]
  return r1 * 1000003 + r2;
}

int main(int argc, char **) {
  long n = 6000 + argc;
  std::printf("%ld %ld %ld\n", global(n), initCapture(n), capturedPointerToPointer(n));
  std::printf("%ld %ld %ld\n", referenceAlias(n), referenceMember(n), temporaryArgument(n));
  std::string s = concatenation(n);
  std::printf("%ld %zu %ld\n", referenceWrapper(n), s.size(), parallelCalls(argc));
  // OUT: 410767164696154828 410767164696154828 410767164696154828
  // OUT-NEXT: 410767164696154828 410767164696154828 410767164696154828
  // OUT-NEXT: 410767164696154828 11308 906003613
}
