// A local given by reference to a function of the program escapes only
// when that function may keep its address past the call (KeptParameters.h):
// `init(v);` that only writes the elements leaves a later loop over 'v' a
// map (adv57 t14; issue 15). A function that stores the address, hands the
// reference on to one that does, captures it in a lambda it keeps, or
// trades the storage with a global's, still makes 'v' escape: the loops
// below read through the kept address what the previous iteration wrote,
// and must stay serial.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <bit>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <utility>
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

void init(std::vector<long> &v, long x) {
  for (long &e : v)
    e = x;
}
void scale(std::vector<long> &v, long a) {
  for (std::size_t i = 0; i < v.size(); ++i)
    v[i] *= a;
  // A container the caller lent, whose body reads nothing else by address
  // (LentContainers.h).
  // CHECK: escapes-kept-parameters.cpp:[[@LINE-4]]:3: remark: loop rewritten as a parallel map over 'v' [purecc-parallel-map]
}
struct Filler {
  long step;
  void fill(std::vector<long> &v) const {
    for (std::size_t i = 0; i < v.size(); ++i)
      v[i] = static_cast<long>(i) * step;
  }
};

// Only written through the reference: the loop is a map.
long filledByHelpers(long n) {
  std::vector<long> v(n);
  init(v, 3);
  scale(v, 2);
  Filler{5}.fill(v);
  for (long i = 0; i < n; ++i)
    v[i] = work(i) + v[i];
  // CHECK: escapes-kept-parameters.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'v' [purecc-parallel-map]
  return digest(v);
}

long *g_seen;
void remember(std::vector<long> &v) { g_seen = v.data(); }
void passOn(std::vector<long> &v) { remember(v); }

long keptByCallee(long n) {
  std::vector<long> v(n);
  remember(v);
  for (long i = 0; i < n; ++i)
    v[i] = work(i) + g_seen[(i + n - 1) % n];
  // CHECK: escapes-kept-parameters.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'v' escapes ('remember(v)' on line [[@LINE-3]]) [purecc-missed-map]
  return digest(v);
}

long keptTwoCallsDown(long n) {
  std::vector<long> v(n);
  passOn(v);
  for (long i = 0; i < n; ++i)
    v[i] = work(i) + g_seen[(i + n - 1) % n];
  // CHECK: escapes-kept-parameters.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'v' escapes ('passOn(v)' on line [[@LINE-3]]) [purecc-missed-map]
  return digest(v);
}

std::function<long(long)> g_later;
void defer(std::vector<long> &v) {
  g_later = [&v](long i) { return v[static_cast<std::size_t>(i)]; };
}

long capturedByCallee(long n) {
  std::vector<long> v(n);
  defer(v);
  for (long i = 0; i < n; ++i)
    v[i] = work(i) + g_later((i + n - 1) % n);
  // CHECK: escapes-kept-parameters.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'v' escapes ('defer(v)' on line [[@LINE-3]]) [purecc-missed-map]
  return digest(v);
}

std::vector<long> g_pool(300);
long *g_pool_data = g_pool.data();
void adopt(std::vector<long> &v) { v.swap(g_pool); }

long swappedWithGlobal(long n) {
  std::vector<long> v;
  adopt(v);
  for (long i = 0; i < n; ++i)
    v[i] = work(i) + g_pool_data[(i + n - 1) % n];
  // CHECK: escapes-kept-parameters.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'v' escapes ('adopt(v)' on line [[@LINE-3]]) [purecc-missed-map]
  return digest(v);
}

std::vector<long> g_spare(300);
long *g_spare_data = g_spare.data();
void refill(std::vector<long> &v) { v = std::move(g_spare); }

long movedFromGlobal(long n) {
  std::vector<long> v;
  refill(v);
  for (long i = 0; i < n; ++i)
    v[i] = work(i) + g_spare_data[(i + n - 1) % n];
  // CHECK: escapes-kept-parameters.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'v' escapes ('refill(v)' on line [[@LINE-3]]) [purecc-missed-map]
  return digest(v);
}

// Storage given to the function by another argument is the caller's
// argument's: here a global's (adv59 t12).
std::vector<long> g_given(300);
long *g_given_data = g_given.data();
void adoptGiven(std::vector<long> &v, std::vector<long> src) { v = std::move(src); }

long givenByArgument(long n) {
  std::vector<long> v;
  adoptGiven(v, std::move(g_given));
  for (long i = 0; i < n; ++i)
    v[i] = work(i) + g_given_data[(i + n - 1) % n];
  // CHECK: escapes-kept-parameters.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'v' escapes ('adoptGiven(v, std::move(g_given))' on line [[@LINE-3]]) [purecc-missed-map]
  return digest(v);
}

// An address turned into a number can come back (adv59 t10, t11).
std::uintptr_t g_number;
void remember_bits(std::vector<long> &v) { g_number = std::bit_cast<std::uintptr_t>(v.data()); }

long keptAsNumber(long n) {
  std::vector<long> v(n);
  remember_bits(v);
  for (long i = 0; i < n; ++i)
    v[i] = work(i) + reinterpret_cast<long *>(g_number)[(i + n - 1) % n];
  // CHECK: escapes-kept-parameters.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'v' escapes ('remember_bits(v)' on line [[@LINE-3]]) [purecc-missed-map]
  return digest(v);
}

void hashed(std::vector<long> &v) { g_number = std::hash<long *>{}(v.data()); }
void assembled(std::vector<long> &v) { asm volatile("" : : "r"(v.data()) : "memory"); }
long numbersNotRun(long n) {
  std::vector<long> v(n), w(n);
  hashed(v);
  assembled(w);
  for (long i = 0; i < n; ++i)
    v[i] = work(i);
  // CHECK: escapes-kept-parameters.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'v' escapes ('hashed(v)' on line [[@LINE-4]]) [purecc-missed-map]
  for (long i = 0; i < n; ++i)
    w[i] = work(i);
  // CHECK: escapes-kept-parameters.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'w' escapes ('assembled(w)' on line [[@LINE-6]]) [purecc-missed-map]
  return digest(v) + digest(w);
}

// A virtual function may be overridden by one that keeps the address.
struct Sink {
  virtual void take(std::vector<long> &) {}
  virtual ~Sink() = default;
};
struct Keeper : Sink {
  void take(std::vector<long> &v) override { g_seen = v.data(); }
};

long keptByOverride(const std::function<Sink &()> &pick, long n) {
  std::vector<long> v(n);
  pick().take(v);
  for (long i = 0; i < n; ++i)
    v[i] = work(i) + g_seen[(i + n - 1) % n];
  // CHECK: escapes-kept-parameters.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'v' escapes ('pick().take(v)' on line [[@LINE-3]]) [purecc-missed-map]
  return digest(v);
}

int main() {
  Keeper keeper;
  std::printf("%ld\n", filledByHelpers(300));
  std::printf("%ld\n", keptByCallee(300));
  std::printf("%ld\n", keptTwoCallsDown(300));
  std::printf("%ld\n", capturedByCallee(300));
  std::printf("%ld\n", swappedWithGlobal(300));
  std::printf("%ld\n", movedFromGlobal(300));
  std::printf("%ld\n", givenByArgument(300));
  std::printf("%ld\n", keptAsNumber(300));
  std::printf("%ld\n", keptByOverride([&]() -> Sink & { return keeper; }, 300));
}
// OUT: {{^-?[0-9]+$}}
