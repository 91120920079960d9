// A lambda is followed like any other holder of an address (Escapes.cpp):
// one that captures a local by reference holds its address as a pointer
// would, and a lambda given to the library keeps what it is given only
// when its body may store it (KeptParameters.h summarizes its call
// operator). `std::for_each(w.begin(), w.end(), [](long &x) { x = 3; })`
// and a factory's own `auto set = [&](long i) { r[i] = ...; };` keep no
// address, so the loops after them are maps (adv57 t15, t16; issue 15).
// A lambda the loop calls reads what it captured; one copied into a
// std::function, stored in a global, given to a function that keeps it,
// or whose body stores the address it is given, makes the local escape:
// the loops below read, through that, what an earlier iteration wrote,
// and must stay serial.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <algorithm>
#include <cstdio>
#include <functional>
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

// Written through the lambda's reference parameter only: a map.
long forEachWriter(long n) {
  std::vector<long> w(n);
  std::for_each(w.begin(), w.end(), [](long &x) { x = 3; });
  for (long i = 0; i < n; ++i)
    w[i] = work(i) + w[i];
  // CHECK: escapes-lambda-holders.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'w' [purecc-parallel-map]
  return digest(w);
}

// A factory fills its vector through a lambda of its own, which is gone
// when the vector is returned.
std::vector<long> make(long n) {
  std::vector<long> r(n);
  auto set = [&](long i) { r[i] = i % 7; };
  for (long i = 0; i < n; ++i)
    set(i);
  return r;
}
long factoryLambda(long n) {
  std::vector<long> v = make(n);
  for (long i = 0; i < n; ++i)
    v[i] = work(i) + v[i];
  // CHECK: escapes-lambda-holders.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'v' [purecc-parallel-map]
  return digest(v);
}

// The loop calls a lambda that reads the next element.
long calledInLoop(long n) {
  std::vector<long> w(n, 1);
  auto next = [&](long i) { return w[(i + 1) % n]; };
  for (long i = 0; i < n; ++i)
    w[i] = work(i) + next(i);
  // CHECK: escapes-lambda-holders.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'w' is read inside the loop body [purecc-missed-map]
  // CHECK: escapes-lambda-holders.cpp:[[@LINE-2]]:12: remark: calls to 'work' and 'next' not parallelized: 'next' is too little work for a task (no loop or recursion in what it runs) [purecc-cheap-calls]
  return digest(w);
}

// ... through a std::function, or a copy of the lambda.
long throughFunction(long n) {
  std::vector<long> w(n, 1);
  std::function<long(long)> next = [&](long i) { return w[(i + 1) % n]; };
  auto again = next;
  for (long i = 0; i < n; ++i)
    w[i] = work(i) + again(i);
  // CHECK: escapes-lambda-holders.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'w' is read inside the loop body (through 'again', declared on line [[@LINE-3]]) [purecc-missed-map]
  return digest(w);
}

std::function<long(long)> g_next;
long prior(long i) { return g_next(i); }
void remember(std::function<long(long)> f) { g_next = std::move(f); }

// Stored in a global, directly or by a function.
long storedInGlobal(long n) {
  std::vector<long> w(n, 1);
  g_next = [&](long i) { return w[(i + n - 1) % n]; };
  for (long i = 0; i < n; ++i)
    w[i] = work(i) + prior(i);
  // CHECK: escapes-lambda-holders.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'w' escapes ('g_next = [&](long i) { return w[(i + n - 1) % n]; }' on line [[@LINE-3]]) [purecc-missed-map]
  return digest(w);
}
long givenToKeeper(long n) {
  std::vector<long> w(n, 1);
  remember([&](long i) { return w[(i + n - 1) % n]; });
  for (long i = 0; i < n; ++i)
    w[i] = work(i) + prior(i);
  // CHECK: escapes-lambda-holders.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'w' escapes ('remember([&](long i) { return w[(i + n - 1) % n]; })' on line [[@LINE-3]]) [purecc-missed-map]
  return digest(w);
}

long *g_kept;

// A lambda given to std::for_each that stores the element's address, in
// a global or in a local it captures.
long forEachKeeper(long n) {
  std::vector<long> w(n);
  std::for_each(w.begin(), w.end(), [](long &x) { x = 3; g_kept = &x; });
  for (long i = 0; i < n; ++i)
    w[i] = work(i) + g_kept[-(i % 5)];
  // CHECK: escapes-lambda-holders.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'w' escapes (on line [[@LINE-3]]) [purecc-missed-map]
  return digest(w);
}
long forEachCapture(long n) {
  std::vector<long> w(n);
  long *last = nullptr;
  std::for_each(w.begin(), w.end(), [&last](long &x) { x = 3; last = &x; });
  for (long i = 0; i < n; ++i)
    w[i] = work(i) + last[-(i % 5)];
  // CHECK: escapes-lambda-holders.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'w' escapes (on line [[@LINE-3]]) [purecc-missed-map]
  return digest(w);
}

// A factory whose own lambdas give the storage away: one returns its
// address into a global, one trades it with a global's.
std::vector<long> makeKept(long n) {
  std::vector<long> r(n, 2);
  g_kept = [&] { return r.data(); }();
  return r;
}
std::vector<long> g_spare(300, 5);
long *g_spareData = g_spare.data();
std::vector<long> makeSwapped(long n) {
  std::vector<long> r(n, 2);
  auto trade = [&] { r.swap(g_spare); };
  trade();
  return r;
}
long factoryKept(long n) {
  std::vector<long> v = makeKept(n);
  for (long i = 0; i < n; ++i)
    v[i] = work(i) + g_kept[(i + n - 1) % n];
  // CHECK: escapes-lambda-holders.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'v' escapes where it is made, on line [[@LINE-3]]: 'makeKept' returns its local 'r', whose address escapes on line {{[0-9]+}} [purecc-missed-map]
  return digest(v);
}
long factorySwapped(long n) {
  std::vector<long> v = makeSwapped(n);
  for (long i = 0; i < n; ++i)
    v[i] = work(i) + g_spareData[(i + n - 1) % n];
  // CHECK: escapes-lambda-holders.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'v' escapes where it is made, on line [[@LINE-3]]: 'makeSwapped' returns its local 'r', whose address escapes on line {{[0-9]+}} [purecc-missed-map]
  return digest(v);
}

int main() {
  std::printf("%ld\n", forEachWriter(300));
  std::printf("%ld\n", factoryLambda(300));
  std::printf("%ld\n", calledInLoop(300));
  std::printf("%ld\n", throughFunction(300));
  std::printf("%ld\n", storedInGlobal(300));
  std::printf("%ld\n", givenToKeeper(300));
  std::printf("%ld\n", forEachKeeper(300));
  std::printf("%ld\n", forEachCapture(300));
  std::printf("%ld\n", factoryKept(300));
  std::printf("%ld\n", factorySwapped(300));
}
// OUT: {{^-?[0-9]+$}}
