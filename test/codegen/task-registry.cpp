// In a distributed build (PURECC_DISTRIBUTED defined, as linking
// purecc::runtime_mpi does) a reduction registers a task that other ranks
// can run: a captureless leaf whose parameters are the locals it reads.
// What cannot travel stays on this process, with a remark saying why.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=purecc-task
// RUN: %purecc rewrite %s -o - -- -std=c++20 -DLOCAL_BUILD | grep -v "//" | FileCheck %s --check-prefix=LOCAL --implicit-check-not=reduce_at
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#ifndef LOCAL_BUILD
#define PURECC_DISTRIBUTED 1
#endif

#include <cstdio>
#include <utility>
#include <vector>

[[pure]] double quarter(long i, double w) { return static_cast<double>(i % 8) * 0.25 * w; }
[[pure]] long sq(long x) { return x * x; }

struct Opaque { // private members: no generated codec
  explicit Opaque(int v) : v_(v) {}
  [[pure]] int get() const { return v_; }
private:
  int v_;
};

int counter = 3; // a mutable global: every rank has its own

struct Grid {
  long cells = 3000;
  [[pure]] long total() const {
    long t = 0;
    for (long i = 0; i < cells; ++i)
      t += sq(i % cells);
    // REMARK: task-registry.cpp:[[@LINE-2]]:5: remark: this reduction runs on this process only, not on other ranks: it uses 'this' [purecc-task-local]
    return t;
  }
};

template <class T> [[pure]] T tsum(T n) {
  T t = 0;
  for (T i = 0; i < n; ++i)
    t += sq(i);
  // REMARK: task-registry.cpp:[[@LINE-2]]:3: remark: this reduction runs on this process only, not on other ranks: it is inside a template [purecc-task-local]
  return t;
}

int main() {
  const int n = 8000; // a constant read as a value: no parameter
  double w = 2.0;
  double s = 0.0;
  for (long i = 0; i < n; ++i)
    s += quarter(i, w);
  // CHECK:      {{^}}  _Pragma("GCC diagnostic push") _Pragma("GCC diagnostic ignored \"-Wshadow\"") ::purecc::unfolded(s) += ::purecc::reduce_at<"main#r{{[0-9]+}}\0" "_Z4tsumIlET_S0_ _ZN6OpaqueC1Ei _ZNK4Grid5totalEv _ZNK6Opaque3getEv printf", 0x{{[0-9a-f]+}}ULL, 0x{{[0-9a-f]+}}ULL>(0, n, ::purecc::additive_identity<double>(), [](std::int64_t i, {{\[\[}}__maybe_unused__]] const double &w) -> double { double purecc_acc_2 = ::purecc::additive_identity<double>(); {
  // CHECK-NEXT: {{^}}    purecc_acc_2 += quarter(i, w); } return purecc_acc_2; }, [](double purecc_lhs, double purecc_rhs) { return purecc_lhs + purecc_rhs; }, ::purecc::leaf_size{2048}, w);
  // REMARK: task-registry.cpp:[[@LINE-4]]:3: remark: this reduction can run on other ranks under mpirun (task 'main#r{{[0-9]+}}') [purecc-task]
  // LOCAL:      {{^}}  ::purecc::unfolded(s) += ::purecc::parallel_reduce(0, n, ::purecc::additive_identity<double>(), [&](std::int64_t i) -> double { double purecc_acc_2 = ::purecc::additive_identity<double>(); {

  // A range-for reads its container; two accumulators travel as a tuple.
  std::vector<long> v(10000);
  for (std::size_t k = 0; k < v.size(); ++k)
    v[k] = static_cast<long>(k % 11);
  // REMARK: task-registry.cpp:[[@LINE-2]]:3: remark: this map can run on other ranks under mpirun (task 'main#m{{[0-9]+}}') [purecc-task]
  long a = 0, b = 0;
  for (long x : v) {
    if (x == 3)
      continue;
    a += sq(x);
    b += x;
  }
  // CHECK:      {{^}}  _Pragma("GCC diagnostic push") _Pragma("GCC diagnostic ignored \"-Wshadow\"") { auto [purecc_r{{[0-9]+}}_0, purecc_r{{[0-9]+}}_1] = ::purecc::reduce_at<"main#r{{[0-9]+}}\0" "_Z4tsumIlET_S0_ _ZN6OpaqueC1Ei _ZNK4Grid5totalEv _ZNK6Opaque3getEv printf", 0x{{[0-9a-f]+}}ULL, 0x{{[0-9a-f]+}}ULL>(0, static_cast<std::int64_t>(v.size()), std::tuple<long, long>{long{}, long{}}, [](std::int64_t purecc_k{{[0-9]+}}, {{\[\[}}__maybe_unused__]] const std::vector<long> &v) -> std::tuple<long, long> { long x = v[purecc_k{{[0-9]+}}]; ::purecc::wrapping<long> purecc_acc_3 = long{}; ::purecc::wrapping<long> purecc_acc_4 = long{}; {
  // CHECK:      {{^}}    if (x == 3)
  // CHECK-NEXT: {{^}}      return std::tuple<long, long>{purecc_acc_3, purecc_acc_4};
  // CHECK:      {{^}}  } return std::tuple<long, long>{purecc_acc_3, purecc_acc_4}; }, [](const std::tuple<long, long> &purecc_lhs, const std::tuple<long, long> &purecc_rhs) { return std::tuple<long, long>{::purecc::wrapping_add(std::get<0>(purecc_lhs), std::get<0>(purecc_rhs)), ::purecc::wrapping_add(std::get<1>(purecc_lhs), std::get<1>(purecc_rhs))}; }, ::purecc::leaf_size{4096}, v); a = ::purecc::wrapping_add<long>(a, purecc_r{{[0-9]+}}_0); b = ::purecc::wrapping_add<long>(b, purecc_r{{[0-9]+}}_1); }
  // REMARK: task-registry.cpp:[[@LINE-10]]:3: remark: this reduction can run on other ranks under mpirun (task 'main#r{{[0-9]+}}') [purecc-task]

  // A count-down loop: the index is rebuilt from 'hi', which travels.
  long hi = 3999, down = 0;
  for (long i = hi; i >= 0; --i)
    down += sq(i % 100);
  // CHECK: {{^}}  _Pragma("GCC diagnostic push") _Pragma("GCC diagnostic ignored \"-Wshadow\"") down = ::purecc::wrapping_add<long>(down, ::purecc::reduce_at<"main#r{{[0-9]+}}\0" "_Z4tsumIlET_S0_ _ZN6OpaqueC1Ei _ZNK4Grid5totalEv _ZNK6Opaque3getEv printf", 0x{{[0-9a-f]+}}ULL, 0x{{[0-9a-f]+}}ULL>({{.*}}, [](std::int64_t purecc_k{{[0-9]+}}, {{\[\[}}__maybe_unused__]] const long &hi) -> long { long i = static_cast<long>(-purecc_k{{[0-9]+}});
  // REMARK: task-registry.cpp:[[@LINE-3]]:3: remark: this reduction can run on other ranks under mpirun (task 'main#r{{[0-9]+}}') [purecc-task]

  // Maps: the leaf returns the stored value, a second lambda stores it on
  // rank 0; the container written is not sent.
  long base = 10;
  std::vector<long> sqs(3000);
  for (std::size_t k = 0; k < sqs.size(); ++k)
    sqs[k] = sq(static_cast<long>(k) + base);
  // CHECK:      {{^}}  _Pragma("GCC diagnostic push") _Pragma("GCC diagnostic ignored \"-Wshadow\"") ::purecc::map_at<"main#m{{[0-9]+}}\0" "_Z4tsumIlET_S0_ _ZN6OpaqueC1Ei _ZNK4Grid5totalEv _ZNK6Opaque3getEv printf", 0x{{[0-9a-f]+}}ULL, 0x{{[0-9a-f]+}}ULL>(0, static_cast<std::int64_t>(sqs.size()), [](std::int64_t purecc_i{{[0-9]+}}, {{\[\[}}__maybe_unused__]] const long &base) -> long { unsigned long k = static_cast<unsigned long>(purecc_i{{[0-9]+}}); {
  // CHECK-NEXT: {{^}}    return sq(static_cast<long>(k) + base); } }, [&](std::int64_t purecc_i{{[0-9]+}}, auto &&purecc_v) { unsigned long k = static_cast<unsigned long>(purecc_i{{[0-9]+}}); sqs[k] = std::forward<decltype(purecc_v)>(purecc_v); }, ::purecc::leaf_size{2048}, base);
  // REMARK: task-registry.cpp:[[@LINE-4]]:3: remark: this map can run on other ranks under mpirun (task 'main#m{{[0-9]+}}') [purecc-task]
  for (long &x : sqs)
    x = sq(x % 1000);
  // CHECK:      {{^}}  _Pragma("GCC diagnostic push") _Pragma("GCC diagnostic ignored \"-Wshadow\"") ::purecc::map_at<"main#m{{[0-9]+}}\0" "_Z4tsumIlET_S0_ _ZN6OpaqueC1Ei _ZNK4Grid5totalEv _ZNK6Opaque3getEv printf", 0x{{[0-9a-f]+}}ULL, 0x{{[0-9a-f]+}}ULL>(0, static_cast<std::int64_t>(sqs.size()), [](std::int64_t purecc_k{{[0-9]+}}, {{\[\[}}__maybe_unused__]] const std::vector<long> &sqs) -> long { const auto &x = sqs[purecc_k{{[0-9]+}}]; {
  // CHECK-NEXT: {{^}}    return sq(x % 1000); } }, [&](std::int64_t purecc_k{{[0-9]+}}, auto &&purecc_v) { long &x = sqs[purecc_k{{[0-9]+}}]; x = std::forward<decltype(purecc_v)>(purecc_v); }, ::purecc::leaf_size{4096}, sqs);
  // REMARK: task-registry.cpp:[[@LINE-4]]:3: remark: this map can run on other ranks under mpirun (task 'main#m{{[0-9]+}}') [purecc-task]
  std::vector<long> twice(3000);
  for (std::size_t k = 0; k < twice.size(); ++k) {
    long t = sq(static_cast<long>(k));
    twice[k] = t + t;
  }
  // REMARK: task-registry.cpp:[[@LINE-4]]:3: remark: this map runs on this process only, not on other ranks: its body is not one assignment 'x[i] = e;' of the element [purecc-task-local]
  // CHECK: {{^}}  ::purecc::parallel_for(0, static_cast<std::int64_t>(twice.size()), [&](std::int64_t purecc_i{{[0-9]+}}) {
  unsigned long maps = 0;
  for (std::size_t k = 0; k < sqs.size(); ++k)
    maps = maps * 3 + static_cast<unsigned long>(sqs[k] + twice[k]);

  // What cannot travel stays here.
  const long *p = v.data();
  long viaptr = 0;
  for (long i = 0; i < 10000; ++i)
    viaptr += sq(p[i]);
  // REMARK: task-registry.cpp:[[@LINE-2]]:3: remark: this reduction runs on this process only, not on other ranks: it reads 'p': 'const long *' is not a value type [purecc-task-local]
  // CHECK: {{^}}  viaptr = ::purecc::wrapping_add<long>(viaptr, ::purecc::parallel_reduce(0, 10000, long{}, [&](std::int64_t i) -> long { ::purecc::wrapping<long> purecc_acc_6 = long{}; {

  long glob = 0;
  for (long i = 0; i < 10000; ++i)
    glob += sq(i % counter);
  // REMARK: task-registry.cpp:[[@LINE-2]]:3: remark: this reduction runs on this process only, not on other ranks: it reads 'counter', a mutable variable of which every rank has its own copy [purecc-task-local]

  Opaque o(7);
  long opaque = 0;
  for (long i = 0; i < 10000; ++i)
    opaque += sq(i % o.get());
  // REMARK: task-registry.cpp:[[@LINE-2]]:3: remark: this reduction runs on this process only, not on other ranks: it reads 'o': 'Opaque' is not a simple aggregate; specialize 'purecc::codec<Opaque>' for it [purecc-task-local]

  std::pair<long, long> pr{5, 9};
  auto [lo, step] = pr;
  long bound = 0;
  for (long i = 0; i < 10000; ++i)
    bound += sq(i % step + lo);
  // REMARK: task-registry.cpp:[[@LINE-2]]:3: remark: this reduction runs on this process only, not on other ranks: it reads the structured binding 'step' [purecc-task-local]

  std::printf("%.2f %ld %ld %ld %ld %ld %ld %ld %ld %ld %lu\n", s, a, b, down, viaptr, glob, opaque,
              bound, Grid{}.total(), tsum(3000L), maps);
  // OUT: 14000.00 341784 47268 13134000 349965 16665 129962 876604 8995500500 8995500500
  // REMARK: task-registry.cpp:[[@LINE-2]]:29: remark: this parallel call runs on this process only, not on other ranks: it calls a member function or an operator [purecc-task-local]
  // REMARK: task-registry.cpp:[[@LINE-3]]:38: remark: this parallel call runs on this process only, not on other ranks: it is inside or calls a template [purecc-task-local]
  return 0;
}
