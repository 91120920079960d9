// A result whose move is really a copy stays serial too, though no code of
// the user's runs (adv31 W1): a 'const' member is copied by the defaulted
// move ('shared_ptr::use_count' counts the task's copy while it lives), a
// user-declared destructor suppresses the move ('capacity' of a copied
// vector is its size), and a 'std::optional<const std::vector<long>>'
// copies what it holds. A constructor template is what an rvalue of a
// class with a defaulted copy constructor calls (adv31 W2). A class that
// can be copied as bytes, or one with a real move, still runs in parallel,
// and so does a node-based or heap-backed container of 'const' keys: moving
// a 'std::map<std::string, long>' hands over its nodes and moves no key
// (adv38 t08: it was refused as "holds 'const std::basic_string<char>',
// which moving it copies").
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

[[pure]] long slow(long n) { return n < 2 ? 1 : slow(n - 1) + slow(n - 2); }
// CHECK: sibling-result-copies.cpp:[[@LINE-1]]:49: remark: calls to 'slow' and 'slow' run in parallel [purecc-parallel-calls]

struct Shared {
  const std::shared_ptr<long> p;
  long v;
};
struct Reserved {
  std::vector<long> w;
  ~Reserved() = default;
};
struct Hopping {
  long hops = 0;
  long v = 0;
  Hopping() = default;
  Hopping(const Hopping &) = default;
  template <class U> Hopping(U &&u) : hops(u.hops + 1), v(u.v) {}
};
struct Bytes {
  long v;
  const long w;
  ~Bytes() = default;
};
struct Moving {
  std::vector<long> w;
};

[[pure]] Shared mks(long k) { return Shared{std::make_shared<long>(k), slow(k)}; }
[[pure]] Reserved mkr(long k) {
  Reserved r;
  r.w.reserve(64);
  r.w.push_back(slow(k));
  return r;
}
// A prvalue either way: made in place, whatever the compiler's NRVO.
[[pure]] Hopping mkh(long k) { return slow(k) > 0 ? Hopping() : Hopping(); }
[[pure]] std::optional<const std::vector<long>> mko(long k) {
  std::vector<long> w;
  w.reserve(32);
  w.push_back(slow(k));
  return w;
}
[[pure]] Bytes mkb(long k) { return Bytes{slow(k), k}; }
[[pure]] Moving mkm(long k) {
  Moving m;
  m.w.reserve(16);
  m.w.push_back(slow(k));
  return m;
}

long shared(long k) {
  Shared a = mks(k);
  // CHECK: sibling-result-copies.cpp:[[@LINE-1]]:14: remark: calls to 'mks' and 'mks' not parallelized: the result of 'mks' has type 'Shared', which has a 'const' member 'p' of type 'const std::shared_ptr<long>', which moving it copies: the parallel program would move it out of a task, where the serial one makes it in place [purecc-missed-parallel-calls]
  Shared b = mks(k + 1);
  return a.v + b.v + 1000000 * (a.p.use_count() + b.p.use_count());
}
long reserved(long k) {
  Reserved a = mkr(k);
  // CHECK: sibling-result-copies.cpp:[[@LINE-1]]:16: remark: calls to 'mkr' and 'mkr' not parallelized: the result of 'mkr' has type 'Reserved', which has no move constructor (a user-declared destructor or copy operation suppresses it), so moving it copies it: the parallel program would move it out of a task, where the serial one makes it in place [purecc-missed-parallel-calls]
  Reserved b = mkr(k + 1);
  return a.w[0] + b.w[0] + 1000000 * static_cast<long>(a.w.capacity() + b.w.capacity());
}
long hopping(long k) {
  Hopping a = mkh(k);
  // CHECK: sibling-result-copies.cpp:[[@LINE-1]]:15: remark: calls to 'mkh' and 'mkh' not parallelized: the result of 'mkh' has type 'Hopping', which has a constructor template, which moving it may call: the parallel program would move it out of a task, where the serial one makes it in place [purecc-missed-parallel-calls]
  Hopping b = mkh(k + 1);
  return a.hops + b.hops;
}
long optional_const(long k) {
  auto a = mko(k);
  // CHECK: sibling-result-copies.cpp:[[@LINE-1]]:12: remark: calls to 'mko' and 'mko' not parallelized: the result of 'mko' has type 'std::optional<const std::vector<long>>', which holds 'const std::vector<long>', which moving it copies: the parallel program would move it out of a task, where the serial one makes it in place [purecc-missed-parallel-calls]
  auto b = mko(k + 1);
  return (*a)[0] + (*b)[0] + 1000000 * static_cast<long>(a->capacity() + b->capacity());
}
long bytes(long k) {
  Bytes a = mkb(k);
  // CHECK: sibling-result-copies.cpp:[[@LINE-1]]:13: remark: calls to 'mkb' and 'mkb' run in parallel [purecc-parallel-calls]
  Bytes b = mkb(k + 1);
  return a.v + b.v + a.w + b.w;
}
long moving(long k) {
  Moving a = mkm(k);
  // CHECK: sibling-result-copies.cpp:[[@LINE-1]]:14: remark: calls to 'mkm' and 'mkm' run in parallel [purecc-parallel-calls]
  Moving b = mkm(k + 1);
  return a.w[0] + b.w[0] + 1000000 * static_cast<long>(a.w.capacity() + b.w.capacity());
}

[[pure]] std::map<std::string, long> words(long k) {
  std::map<std::string, long> m;
  long n = slow(k) % 50 + 10;
  for (long i = 0; i < n; ++i)
    m[std::string(1, char('a' + i % 7))] += i;
  return m;
}
long keyed(long k) {
  std::map<std::string, long> a = words(k);
  // CHECK: sibling-result-copies.cpp:[[@LINE-1]]:35: remark: calls to 'words' and 'words' run in parallel [purecc-parallel-calls]
  std::map<std::string, long> b = words(k + 1);
  return static_cast<long>(a.size()) * 1000 + a["d"] + b["f"];
}

int main(int argc, char **) {
  long k = 18 + argc;
  std::printf("%ld\n", keyed(k));
  std::printf("%ld %ld %ld\n", shared(k), reserved(k), hopping(k));
  std::printf("%ld %ld %ld\n", optional_const(k), bytes(k), moving(k));
  // OUT: 7290
  // OUT-NEXT: 2017711 128017711 0
  // OUT-NEXT: 64017711 17750 32017711
}
