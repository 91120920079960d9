// `auto [x, y] = p;` of a class with the tuple protocol calls its 'get'
// once for each name, in the initializer of a variable no statement shows.
// A 'get' that is not pure (it logs, it exits) keeps the loop or the
// sibling calls around the binding serial (adv63 t10, t12, t13, t32: the
// calls ran in parallel and the log came out in another order, or the
// program failed on the call the serial one never made).
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// (The sibling calls' remark comes before the loops': CHECK-DAG.)
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <utility>
#include <vector>

long g_log = 0;

struct P {
  long a, b;
};
template <std::size_t I> long get(const P &p) {
  g_log = g_log * 3 + p.a;
  return I == 0 ? p.a : p.b;
}
template <> struct std::tuple_size<P> : std::integral_constant<std::size_t, 2> {};
template <std::size_t I> struct std::tuple_element<I, P> { using type = long; };

// The member form.
struct Q {
  long a, b;
  template <std::size_t I> long get() const {
    g_log = g_log * 5 + a;
    return I == 0 ? a : b;
  }
};
template <> struct std::tuple_size<Q> : std::integral_constant<std::size_t, 2> {};
template <std::size_t I> struct std::tuple_element<I, Q> { using type = long; };

// One that stops the program on input the serial program rejects first.
struct Checked {
  long a;
};
template <std::size_t I> long get(const Checked &c) {
  if (c.a <= 0) {
    std::printf("bad input\n");
    std::exit(6);
  }
  return c.a;
}
template <> struct std::tuple_size<Checked> : std::integral_constant<std::size_t, 1> {};
template <std::size_t I> struct std::tuple_element<I, Checked> { using type = long; };

// One that throws on input the serial program rejects first: named as what
// may throw (adv63 R12: it was "the destruction of ''").
struct Thrown {
  long a;
};
template <std::size_t I> long get(const Thrown &t) {
  if (t.a <= 0)
    throw 6;
  return t.a;
}
template <> struct std::tuple_size<Thrown> : std::integral_constant<std::size_t, 1> {};
template <std::size_t I> struct std::tuple_element<I, Thrown> { using type = long; };

[[pure]] long work(long d) {
  long s = 0;
  for (long k = 0; k < 3000; ++k)
    s += (d * k) % 7;
  return s;
}

[[pure]] long divide(long d) { return work(d) / d; }

long thrown(long k) {
  long a = divide(k + 1);
  auto [x] = Thrown{k};
  long b = divide(k);
  // CHECK-DAG: bindings-tuple-protocol.cpp:[[@LINE-1]]:12: remark: calls to 'divide' and 'divide' not parallelized: 'get', which may throw, runs between them, and the serial program does not make the later call then [purecc-missed-parallel-calls]
  return a + b + x;
}

int main(int argc, char **) {
  long t = 0;
  for (long i = 0; i < 2000; ++i) {
    auto [x, y] = P{i, i + 1};
    t += work(x) + y;
  }
  // CHECK-DAG: bindings-tuple-protocol.cpp:[[@LINE-4]]:3: remark: loop not parallelized: 'get' is not known to be pure [purecc-missed-reduction]
  std::vector<long> v(2000);
  for (long i = 0; i < 2000; ++i) {
    auto [x, y] = Q{i, i + 1};
    v[i] = work(x) + y;
  }
  // CHECK-DAG: bindings-tuple-protocol.cpp:[[@LINE-4]]:3: remark: loop not parallelized: 'Q::get' is not known to be pure [purecc-missed-map]
  long d = 0;
  for (long e : v)
    d = d * 5 + e;
  std::printf("%ld %ld %ld\n", t, d, g_log);
  try {
    std::printf("%ld\n", thrown(argc - 1));
  } catch (int e) {
    std::printf("caught %d\n", e);
  }
  long k = argc - 1;
  long a = divide(k + 1);
  auto [c] = Checked{k};
  long b = divide(k);
  // CHECK-DAG: bindings-tuple-protocol.cpp:[[@LINE-1]]:12: remark: calls to 'divide' and 'divide' not parallelized: 'get' between them is not known to be pure: it may write what the call to 'divide' reads [purecc-missed-parallel-calls]
  std::printf("%ld %ld %ld\n", a, b, c);
}
// OUT: {{^-?[0-9]+ -?[0-9]+ -?[0-9]+$}}
// OUT-NEXT: caught 6
// OUT-NEXT: bad input
