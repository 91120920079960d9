// Storage a local receives from elsewhere (ReturnedStorage.h): a function
// that kept the address of the vector it returns, a global whose buffer
// someone holds moved into the local. The local escapes where it is made
// or assigned: a loop that writes it while reading through the kept address
// stays serial, and so do calls around a write through it (adv54 t10, t11,
// t18, t28: the parallel loop read elements before the iterations that
// write them). Storage that is new (a vector filled and returned, a local
// moved, a recursive function's result) is the local's own.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <array>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

[[pure]] long work(long i) {
  long s = 0;
  for (int k = 0; k < 150; ++k)
    s += (i * 31 + k * 7) % 13;
  return s;
}

struct E {
  long x = 1;
};

template <class T> long digest(const T &v) {
  long t = 0;
  for (const E &e : v)
    t = t * 3 + e.x;
  return t;
}

E *g_kept;
std::vector<E> makeKept(long n) {
  std::vector<E> r(n);
  g_kept = r.data();
  return r;
}

long returnedKept(long n) {
  std::vector<E> v = makeKept(n);
  for (long i = 0; i < n; ++i)
    v[i].x = work(i) + g_kept[(i + n - 1) % n].x;
  // REMARK: escapes-returned-storage.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'v' escapes where it is made, on line [[@LINE-3]]: 'makeKept' returns its local 'r', whose address escapes on line 41 [purecc-missed-map]
  return digest(v);
}

long assignedKept(long n) {
  std::vector<E> v;
  v = makeKept(n);
  for (long i = 0; i < n; ++i)
    v[i].x = work(i) + g_kept[(i + n - 1) % n].x;
  // REMARK: escapes-returned-storage.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'v' escapes where it is assigned, on line [[@LINE-3]]: 'makeKept' returns its local 'r', whose address escapes on line 41 [purecc-missed-map]
  return digest(v);
}

long *g_hist;
std::vector<long> makeHistogram() {
  std::vector<long> h(16, 0);
  g_hist = h.data();
  return h;
}

long histogramKept(long n) {
  std::vector<long> h = makeHistogram();
  for (long i = 0; i < n; ++i)
    h[(work(i) + g_hist[3]) % 16] += 1;
  // REMARK: escapes-returned-storage.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'h' escapes where it is made, on line [[@LINE-3]]: 'makeHistogram' returns its local 'h', whose address escapes on line 65 [purecc-missed-reduction]
  long t = 0;
  for (long x : h)
    t = t * 7 + x;
  return t;
}

// A std::array returned by name is built in the caller's object: the
// address kept is the local's own.
[[gnu::noinline]] void remember(E *p) { g_kept = p; }
std::array<E, 300> makeArray() {
  std::array<E, 300> r{};
  remember(r.data());
  return r;
}

long arrayKept() {
  std::array<E, 300> a = makeArray();
  for (long i = 0; i < 300; ++i)
    a[i].x = work(i) + g_kept[(i + 299) % 300].x;
  // REMARK: escapes-returned-storage.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'a' escapes where it is made, on line [[@LINE-3]]: 'makeArray' returns its local 'r', whose address escapes on line 85 [purecc-missed-map]
  return digest(a);
}

struct Maker {
  std::vector<E> make(long n) const { return makeKept(n); }
};

long memberMaker(long n) {
  const Maker m;
  std::vector<E> v = m.make(n);
  for (long i = 0; i < n; ++i)
    v[i].x = work(i) + g_kept[(i + n - 1) % n].x;
  // REMARK: escapes-returned-storage.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'v' escapes where it is made, on line [[@LINE-3]]: 'makeKept' returns its local 'r', whose address escapes on line 41 [purecc-missed-map]
  return digest(v);
}

struct Box {
  std::vector<E> v;
};
Box makeBox(long n) { return Box{makeKept(n)}; }

long boxKept(long n) {
  Box b = makeBox(n);
  for (long i = 0; i < n; ++i)
    b.v[i].x = work(i) + g_kept[(i + n - 1) % n].x;
  // REMARK: escapes-returned-storage.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'b' escapes where it is made, on line [[@LINE-3]]: 'makeKept' returns its local 'r', whose address escapes on line 41 [purecc-missed-map]
  return digest(b.v);
}

std::vector<E> g_pool(300);
E *g_pool_data = g_pool.data();

long movedFromGlobal(long n) {
  std::vector<E> v = std::move(g_pool);
  for (long i = 0; i < n; ++i)
    v[i].x = work(i) + g_pool_data[(i + n - 1) % n].x;
  // REMARK: escapes-returned-storage.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'v' escapes where it is made, on line [[@LINE-3]]: it takes over the storage of 'g_pool', which others may reach [purecc-missed-map]
  return digest(v);
}

std::vector<E> g_spare(300);
E *g_spare_data = g_spare.data();

long exchangedWithGlobal(long n) {
  std::vector<E> v;
  v = std::exchange(g_spare, {});
  for (long i = 0; i < n; ++i)
    v[i].x = work(i) + g_spare_data[(i + n - 1) % n].x;
  // REMARK: escapes-returned-storage.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'v' escapes where it is assigned, on line [[@LINE-3]]: it takes over the storage of 'g_spare', which others may reach [purecc-missed-map]
  return digest(v);
}

std::unique_ptr<std::vector<E>> g_owned = std::make_unique<std::vector<E>>(300);
E *g_owned_data = g_owned->data();

long movedThroughPointer(long n) {
  std::vector<E> v = std::move(*g_owned);
  for (long i = 0; i < n; ++i)
    v[i].x = work(i) + g_owned_data[(i + n - 1) % n].x;
  // REMARK: escapes-returned-storage.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'v' escapes where it is made, on line [[@LINE-3]]: it takes over the storage of an object no local names, which others may reach [purecc-missed-map]
  return digest(v);
}

std::optional<std::vector<E>> g_maybe = std::vector<E>(300);
E *g_maybe_data = g_maybe->data();

long movedOutOfOptional(long n) {
  std::vector<E> v = *std::move(g_maybe);
  for (long i = 0; i < n; ++i)
    v[i].x = work(i) + g_maybe_data[(i + n - 1) % n].x;
  // REMARK: escapes-returned-storage.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'v' escapes where it is made, on line [[@LINE-3]]: it takes over the storage of an object no local names, which others may reach [purecc-missed-map]
  return digest(v);
}

// A reference parameter names the caller's object: here a global whose
// buffer is kept (adv57 t09). A by-value parameter's storage is trusted.
std::vector<E> g_lent(300);
E *g_lent_data = g_lent.data();

long movedFromReference(std::vector<E> &buf, long n) {
  std::vector<E> v = std::move(buf);
  for (long i = 0; i < n; ++i)
    v[i].x = work(i) + g_lent_data[(i + n - 1) % n].x;
  // REMARK: escapes-returned-storage.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'v' escapes where it is made, on line [[@LINE-3]]: it takes over the storage of 'buf', which others may reach [purecc-missed-map]
  return digest(v);
}

// Taken over from a temporary the call returned (adv57 t06), made by a
// constructor with effects that is given the storage (t10), returned
// through a std::function or std::invoke (t11, t12).
std::pair<std::vector<E>, int> makePair(long n) { return {makeKept(n), 1}; }

long memberOfTemporary(long n) {
  std::vector<E> v = makePair(n).first;
  for (long i = 0; i < n; ++i)
    v[i].x = work(i) + g_kept[(i + n - 1) % n].x;
  // REMARK: escapes-returned-storage.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'v' escapes where it is made, on line [[@LINE-3]]: 'makeKept' returns its local 'r', whose address escapes on line 41 [purecc-missed-map]
  return digest(v);
}

struct Owner {
  std::vector<E> v;
  explicit Owner(std::vector<E> x) {
    g_kept = x.data();
    v = std::move(x);
  }
};

long constructorKeeps(long n) {
  Owner o{std::vector<E>(n)};
  for (long i = 0; i < n; ++i)
    o.v[i].x = work(i) + g_kept[(i + n - 1) % n].x;
  // REMARK: escapes-returned-storage.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'o' escapes where it is made, on line [[@LINE-3]]: the constructor of 'Owner' takes storage it is given and may keep its address [purecc-missed-map]
  return digest(o.v);
}

long throughFunction(long n) {
  std::function<std::vector<E>(long)> factory = makeKept;
  std::vector<E> v = factory(n);
  for (long i = 0; i < n; ++i)
    v[i].x = work(i) + g_kept[(i + n - 1) % n].x;
  // REMARK: escapes-returned-storage.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'v' escapes where it is made, on line [[@LINE-3]]: it is returned by a call of a 'std::function', whose code purecc does not follow, which may keep its address [purecc-missed-map]
  std::vector<E> w = std::invoke(makeKept, n);
  for (long i = 0; i < n; ++i)
    w[i].x = work(i) + g_kept[(i + n - 1) % n].x;
  // REMARK: escapes-returned-storage.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'w' escapes where it is made, on line [[@LINE-3]]: 'makeKept' returns its local 'r', whose address escapes on line 41 [purecc-missed-map]
  return digest(v) + digest(w);
}

// Parallel calls around a write through the kept address.
long *g_balance;
std::vector<long> makeBalances() {
  std::vector<long> r(4, 1);
  g_balance = r.data();
  return r;
}
[[pure]] long twice(long x) { return work(x) * 2 + x; }

long callsAroundWrite() {
  std::vector<long> a = makeBalances();
  long p = twice(a[0]);
  g_balance[0] = 7;
  long q = twice(a[0]);
  // REMARK: escapes-returned-storage.cpp:[[@LINE-1]]:12: remark: calls to 'twice' and 'twice' not parallelized: 'g_balance[0] = 7' between them writes through a pointer or reference, which may reach 'a', and the call to 'twice' reads it [purecc-missed-parallel-calls]
  return p * 1000 + q;
}

// New storage: filled and returned (also by a function with side effects
// that keep no address), a local moved, a recursive function's result.
std::vector<E> makeFresh(long n) {
  std::vector<E> r(n, E{2});
  std::printf("made %ld\n", n);
  return r;
}

std::vector<E> halves(long n) {
  if (n <= 1)
    return std::vector<E>(1);
  std::vector<E> left = halves(n / 2);
  std::vector<E> right = halves(n - n / 2);
  left.insert(left.end(), right.begin(), right.end());
  return left;
}

long freshStorage(long n) {
  std::vector<E> v = makeFresh(n);
  for (long i = 0; i < n; ++i)
    v[i].x = work(i) + v[i].x;
  // REMARK: escapes-returned-storage.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'v' [purecc-parallel-map]
  std::vector<E> t(n);
  std::vector<E> w = std::move(t);
  for (long i = 0; i < n; ++i)
    w[i].x = work(i + 1);
  // REMARK: escapes-returned-storage.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'w' [purecc-parallel-map]
  std::vector<E> h = halves(n);
  for (long i = 0; i < n; ++i)
    h[i].x = work(i + 2);
  // REMARK: escapes-returned-storage.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'h' [purecc-parallel-map]
  // A generic lambda's instance (adv57 t13: its pattern crashed purecc).
  auto make = [](auto m) {
    std::vector<E> r(m);
    return r;
  };
  std::vector<E> g = make(n);
  for (long i = 0; i < n; ++i)
    g[i].x = work(i + 3);
  // REMARK: escapes-returned-storage.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'g' [purecc-parallel-map]
  return digest(v) + digest(w) + digest(h) + digest(g);
}

int main() {
  std::printf("%ld\n", returnedKept(300));
  std::printf("%ld\n", assignedKept(300));
  std::printf("%ld\n", histogramKept(3000));
  std::printf("%ld\n", arrayKept());
  std::printf("%ld\n", memberMaker(300));
  std::printf("%ld\n", boxKept(300));
  std::printf("%ld\n", movedFromGlobal(300));
  std::printf("%ld\n", exchangedWithGlobal(300));
  std::printf("%ld\n", movedThroughPointer(300));
  std::printf("%ld\n", movedOutOfOptional(300));
  std::printf("%ld\n", movedFromReference(g_lent, 300));
  std::printf("%ld\n", memberOfTemporary(300));
  std::printf("%ld\n", constructorKeeps(300));
  std::printf("%ld\n", throughFunction(300));
  std::printf("%ld\n", callsAroundWrite());
  std::printf("%ld\n", freshStorage(300));
}
// OUT: {{^-?[0-9]+$}}
