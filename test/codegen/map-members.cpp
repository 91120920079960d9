// Maps that store into a part of each element: `out[i].x = f(i)`,
// `kv[i].second = g(kv[i].first)`, a nested member, `std::get<1>(t[i])`,
// several members of one element in one body. Iteration i writes only
// inside element i, which no other iteration touches, so the loop is a
// map over the elements. That holds for a bit-field and a union member
// too: adjacent bit-fields share storage only inside one object. A read of
// another element's member, a store through a reference member or a
// tuple of references, and a read through a reference to the container
// stay serial, saying why.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <tuple>
#include <utility>
#include <vector>

// NaN, -0.0, +inf and -inf among ordinary values.
[[pure]] double f(long i) {
  if (i % 97 == 3)
    return std::nan("");
  if (i % 89 == 5)
    return -0.0;
  if (i % 83 == 6)
    return (i % 2 ? 1.0 : -1.0) / 0.0;
  double s = double(i) * 0.25;
  for (int k = 0; k < 20; ++k)
    s = s * 0.75 + k;
  return s;
}

struct P {
  double x, y;
};
struct Q {
  P p;
  long n;
};
struct Bits {
  unsigned lo : 3;
  unsigned hi : 5;
};
union U {
  double d;
  long l;
};
struct R {
  double &r;
};

std::uint64_t h = 1469598103934665603ULL;
void mix(double d) {
  // One NaN: its sign and payload are the compiler's choice.
  std::uint64_t b = 0x7ff8000000000000ULL;
  if (d == d)
    std::memcpy(&b, &d, sizeof b);
  h = (h ^ b) * 1099511628211ULL;
}

int main(int argc, char **) {
  const long n = 3000 + argc;
  std::vector<P> out(n);
  for (long i = 0; i < n; ++i)
    out[i].x = f(i);
  // REMARK: map-members.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'out' [purecc-parallel-map]
  // CHECK:      {{^}}  ::purecc::parallel_for(0, n, [&](std::int64_t i) { {
  // CHECK-NEXT: {{^}}    out[i].x = f(i); } });

  // Two members of one element, counting down.
  for (long i = n; i-- > 0;) {
    out[i].y = f(i + 1) - out[i].x;
    out[i].x = f(2 * i);
  }
  // REMARK: map-members.cpp:[[@LINE-4]]:3: remark: loop rewritten as a parallel map over 'out' [purecc-parallel-map]

  std::vector<std::pair<long, double>> kv(n);
  for (long i = 0; i < n; ++i)
    kv[i].first = 3 * i;
  // REMARK: map-members.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'kv' [purecc-parallel-map]
  for (long i = 0; i < n; ++i)
    kv[i].second = f(kv[i].first);
  // REMARK: map-members.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'kv' [purecc-parallel-map]

  // A member of another element: the next iteration's, which it may
  // already have written.
  for (long i = 0; i < n - 1; ++i)
    kv[i].first = long(f(kv[i + 1].first)) % 1000;
  // REMARK: map-members.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the loop body reads 'kv[i + 1]', an element of 'kv' that another iteration may write [purecc-missed-map]

  std::vector<Q> pts(n);
  for (long i = 0; i < n; ++i)
    pts[i].p.y = f(i) * 0.5;
  // REMARK: map-members.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'pts' [purecc-parallel-map]

  std::vector<std::tuple<int, double>> t(n);
  for (long i = 0; i < n; ++i)
    std::get<1>(t[i]) = f(i) + std::get<0>(t[i]);
  // REMARK: map-members.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 't' [purecc-parallel-map]

  std::vector<std::array<double, 2>> arr(n);
  for (long i = 0; i < n; ++i)
    arr[i][1] = f(i) - 1.0;
  // REMARK: map-members.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'arr' [purecc-parallel-map]

  for (auto &e : out)
    e.y = f(long(e.y) % 50);
  // REMARK: map-members.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'out' [purecc-parallel-map]

  std::vector<Bits> bits(n);
  for (long i = 0; i < n; ++i)
    bits[i].hi = unsigned(f(i) == f(i)) + unsigned(i % 7);
  // REMARK: map-members.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'bits' [purecc-parallel-map]

  std::vector<U> un(n);
  for (long i = 0; i < n; ++i)
    un[i].d = f(i);
  // REMARK: map-members.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'un' [purecc-parallel-map]

  // A reference member refers to anything: here, all to one double.
  double shared = 0;
  std::vector<R> refs(n, R{shared});
  for (long i = 0; i < n; ++i)
    refs[i].r = f(i);
  // REMARK: map-members.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'refs[i].r' stores through the reference member 'r', which may refer to anything, not only to a part of the element [purecc-missed-map]

  double one = 0;
  std::vector<std::tuple<double &>> tr(n, std::tuple<double &>(one));
  for (long i = 0; i < n; ++i)
    std::get<0>(tr[i]) = f(i);
  // REMARK: map-members.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'std::get<0>(tr[i])' stores through a reference that 'std::tuple<double &>' holds, which may refer to anything, not only to a part of the element [purecc-missed-map]

  // The container read under another name: the element another iteration
  // writes.
  const std::vector<P> &view = out;
  for (long i = 0; i < n - 1; ++i)
    out[i].x = f(i) + view[i + 1].x;
  // REMARK: map-members.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'out' is read inside the loop body (through 'view', declared on line [[@LINE-3]]) [purecc-missed-map]

  for (long i = 0; i < n; ++i) {
    mix(out[i].x), mix(out[i].y), mix(double(kv[i].first)), mix(kv[i].second);
    mix(pts[i].p.y), mix(std::get<1>(t[i])), mix(arr[i][1]);
    mix(bits[i].hi + 100.0 * bits[i].lo), mix(un[i].d);
  }
  std::printf("%016llx %g %g\n", (unsigned long long)h, shared, one);
  // OUT: 8a9a014a0b8b0d51 66.4291 66.4291
}
