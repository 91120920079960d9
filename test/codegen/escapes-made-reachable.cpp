// Storage given away where it is made, by code that names no local
// (MadeReachable.h): an allocator of the user's that keeps what it
// allocates, a std::pmr allocator whose memory resource is a buffer others
// read, a constructor or default member initializer that keeps 'this'. The
// local escapes at its declaration: a loop that writes it while reading
// through the kept address stays serial, and so do calls around a write
// through it (adv53 t162, t163, t170, t171, t173, t178, t179, t185, adv54
// t27 (a destructor): the
// parallel loop read elements before the iterations that write them).
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <memory>
#include <memory_resource>
#include <vector>

[[pure]] long work(long i) {
  long s = 0;
  for (int k = 0; k < 150; ++k)
    s += (i * 31 + k * 7) % 13;
  return s;
}

template <class T> long digest(const T &v) {
  long t = 0;
  for (const auto &x : v)
    t = t * 3 + long(x);
  return t;
}

long *g_last;
template <class T> struct Keep {
  using value_type = T;
  Keep() = default;
  template <class U> Keep(const Keep<U> &) {}
  T *allocate(std::size_t n) {
    T *p = std::allocator<T>{}.allocate(n);
    g_last = reinterpret_cast<long *>(p);
    return p;
  }
  void deallocate(T *p, std::size_t n) { std::allocator<T>{}.deallocate(p, n); }
  bool operator==(const Keep &) const { return true; }
};

long keptByAllocator(long n) {
  std::vector<long, Keep<long>> v(n, 1);
  for (long i = 0; i < n; ++i)
    v[i] = work(i) + g_last[(i + 1) % n];
  // REMARK: escapes-made-reachable.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'v' escapes where it is made, on line [[@LINE-3]]: its allocator 'Keep<long>' may keep the storage it hands out [purecc-missed-map]
  return digest(v);
}

long histogramKeptByAllocator(long n) {
  std::vector<long, Keep<long>> hist(8, 0);
  long *seen = g_last;
  for (long i = 0; i < n; ++i)
    hist[i % 8] += work(i) + seen[(i + 1) % 8];
  // REMARK: escapes-made-reachable.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'hist' escapes where it is made, on line [[@LINE-4]]: its allocator 'Keep<long>' may keep the storage it hands out [purecc-missed-reduction]
  return digest(hist);
}

long inBuffer(long n) {
  alignas(long) static unsigned char raw[8 * 1024];
  const long *view = reinterpret_cast<const long *>(raw);
  std::pmr::monotonic_buffer_resource res(raw, sizeof raw);
  std::pmr::vector<long> v(&res);
  v.assign(n, 1);
  for (long i = 0; i < n; ++i)
    v[i] = work(i) + view[(i + 1) % n];
  // REMARK: escapes-made-reachable.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'v' escapes where it is made, on line [[@LINE-4]]: its allocator 'std::pmr::polymorphic_allocator<long>' takes storage from a memory resource, which others may reach [purecc-missed-map]
  return digest(v);
}

struct Node;
Node *g_first;
struct Node {
  long x = 1;
  Node() {
    if (!g_first)
      g_first = this;
  }
  explicit operator long() const { return x; }
};

long keptByConstructor(long n) {
  g_first = nullptr;
  std::vector<Node> v(n);
  for (long i = 0; i < n; ++i)
    v[i].x = work(i) + g_first[(i + 1) % n].x;
  // REMARK: escapes-made-reachable.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'v' escapes where it is made, on line [[@LINE-3]]: the constructor, assignment or destructor of 'Node' may keep the object's address [purecc-missed-map]
  return digest(v);
}

long arrayKeptByConstructor() {
  g_first = nullptr;
  Node v[300];
  for (long i = 0; i < 300; ++i)
    v[i].x = work(i) + g_first[(i + 1) % 300].x;
  // REMARK: escapes-made-reachable.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'v' escapes where it is made, on line [[@LINE-3]]: {{.*}}
  return digest(v);
}

struct Linked;
Linked *g_linked;
struct Linked {
  long x = 1;
  Linked *first = g_linked ? g_linked : (g_linked = this);
  explicit operator long() const { return x; }
};

long keptByMemberInitializer(long n) {
  g_linked = nullptr;
  std::vector<Linked> v(n);
  for (long i = 0; i < n; ++i)
    v[i].x = work(i) + g_linked[(i + 1) % n].x;
  // REMARK: escapes-made-reachable.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'v' escapes where it is made, on line [[@LINE-3]]: the constructor, assignment or destructor of 'Linked' may keep the object's address [purecc-missed-map]
  return digest(v);
}

struct Dropped;
const Dropped *g_dropped;
struct Dropped {
  long x = 1;
  ~Dropped() { g_dropped = this; }
  explicit operator long() const { return x; }
};

// The destructor publishes the address of the element 'pop_back' ends,
// next to the last one the loop writes (adv54 t27).
long keptByDestructor(long n) {
  std::vector<Dropped> v(n + 1);
  v.pop_back();
  const Dropped *end = g_dropped;
  for (long i = 0; i < n; ++i)
    v[i].x = work(i) + end[-1].x;
  // REMARK: escapes-made-reachable.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'v' escapes where it is made, on line [[@LINE-5]]: the constructor, assignment or destructor of 'Dropped' may keep the object's address [purecc-missed-map]
  return digest(v);
}

struct Account;
Account *g_account;
struct Account {
  long balance = 1;
  Account() { g_account = this; }
};

[[pure]] long twice(long v) { return work(v) * 2; }

long callsAroundWrite() {
  Account a;
  long p = twice(a.balance);
  g_account->balance = 7;
  long q = twice(a.balance);
  // REMARK: escapes-made-reachable.cpp:[[@LINE-1]]:12: remark: calls to 'twice' and 'twice' not parallelized: 'g_account->balance = 7' between them writes through a pointer or reference, which may reach 'a', and the call to 'twice' reads it [purecc-missed-parallel-calls]
  return p * 1000 + q;
}

// A constructor that only sets its members and calls the library on them
// gives nothing away: the loop is a map.
struct Cell {
  double x = 0;
  std::vector<double> trace;
  Cell() {
    trace.resize(3);
    std::fill(trace.begin(), trace.end(), 0.5);
    trace[0] = 1;
    reset();
  }
  Cell &reset() {
    x = 0;
    return *this;
  }
  explicit operator long() const { return long(x); }
};
[[pure]] Cell cell(long i) {
  Cell c;
  c.x = double(work(i));
  return c;
}

long plainConstructor(long n) {
  std::vector<Cell> v(n);
  for (long i = 0; i < n; ++i)
    v[i] = cell(i);
  // REMARK: escapes-made-reachable.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'v' [purecc-parallel-map]
  return digest(v);
}

int main() {
  std::printf("%ld\n", keptByAllocator(300));
  std::printf("%ld\n", histogramKeptByAllocator(300));
  std::printf("%ld\n", inBuffer(300));
  std::printf("%ld\n", keptByConstructor(300));
  std::printf("%ld\n", arrayKeptByConstructor());
  std::printf("%ld\n", keptByMemberInitializer(300));
  std::printf("%ld\n", keptByDestructor(300));
  std::printf("%ld\n", callsAroundWrite());
  std::printf("%ld\n", plainConstructor(300));
}
// OUT: {{^-?[0-9]+$}}
