// A map may not read the container it writes through anything holding the
// container's address: a view, an iterator, a pointer, a reference, a lambda
// capturing by reference, a reference_wrapper, a struct with a reference or
// pointer member, or a local made from one of those. Each such loop stays
// serial, naming the holder; a holder the body does not read, or one of
// another container, keeps the map.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <algorithm>
#include <cstdio>
#include <functional>
#include <ranges>
#include <span>
#include <string>
#include <string_view>
#include <vector>

// Slow enough that the first write of an iteration comes long after other
// threads' first reads.
[[pure]] int f(int x) {
  int s = x;
  for (int k = 0; k < 3000; ++k)
    s = (s * 7 + k) % 10007;
  return s;
}

constexpr int N = 2000;

struct Holder { std::vector<int> &ref; };
struct Pointer { const int *p; };
struct Wrapped { std::reference_wrapper<std::vector<int>> w; };

long sum(const std::vector<int> &v) {
  long s = 0;
  for (int x : v)
    s = s * 31 + x;
  return s;
}

void show(const char *name, const std::vector<int> &v) { std::printf("%s %ld\n", name, sum(v)); }

int main() {
  std::vector<int> u(N, 1);
  std::span<int> sp(u);
  for (int i = 0; i < N; ++i)
    u[i] = f(sp[0]) + i;
  // REMARK: map-views.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'u' is read inside the loop body (through 'sp', declared on line [[@LINE-3]]) [purecc-missed-map]
  show("span", u);
  // OUT: span [[SPAN:-1948468372657438563]]

  std::vector<int> g(N, 1);
  std::span<int> sg{g.data(), g.size()};
  for (int i = 0; i < N; ++i)
    g[i] = f(sg[0]) + i;
  // REMARK: map-views.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'g' is read inside the loop body (through 'sg', declared on line [[@LINE-3]]) [purecc-missed-map]
  show("span-data", g);
  // OUT-NEXT: span-data [[SPAN]]

  std::vector<int> m(N, 1);
  std::span<const int> sm = m;
  for (int i = 0; i < N; ++i)
    m[i] = f(sm[N - 1 - i]) + i;
  // REMARK: map-views.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'm' is read inside the loop body (through 'sm', declared on line [[@LINE-3]]) [purecc-missed-map]
  show("span-const", m);
  // OUT-NEXT: span-const 6772346165711828597

  std::vector<int> o(N, 1);
  std::span<int> so(o);
  for (int i = 0; i < N; ++i)
    o[i] = f(i) + so.front();
  // REMARK: map-views.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'o' is read inside the loop body (through 'so', declared on line [[@LINE-3]]) [purecc-missed-map]
  show("front", o);
  // OUT-NEXT: front -8559573490304578824

  std::vector<int> e(N, 1);
  Holder h{e};
  for (int i = 0; i < N; ++i)
    e[i] = f(h.ref[0]) + i;
  // REMARK: map-views.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'e' is read inside the loop body (through 'h', declared on line [[@LINE-3]]) [purecc-missed-map]
  show("struct-reference", e);
  // OUT-NEXT: struct-reference [[SPAN]]

  std::vector<int> a(N, 1);
  auto it = a.begin();
  for (int i = 0; i < N; ++i)
    a[i] = f(it[0]) + i;
  // REMARK: map-views.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'a' is read inside the loop body (through 'it', declared on line [[@LINE-3]]) [purecc-missed-map]
  show("iterator", a);
  // OUT-NEXT: iterator [[SPAN]]

  std::vector<int> b(N, 1);
  int *pb = &b[0];
  for (int i = 0; i < N; ++i)
    b[i] = f(*pb) + i;
  // REMARK: map-views.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'b' is read inside the loop body (through 'pb', declared on line [[@LINE-3]]) [purecc-missed-map]
  show("pointer", b);
  // OUT-NEXT: pointer [[SPAN]]

  std::vector<int> w(N, 1);
  const int *pw = w.data() + 1;
  for (int i = 0; i < N - 1; ++i)
    w[i] = f(pw[i]) - i;
  // REMARK: map-views.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'w' is read inside the loop body (through 'pw', declared on line [[@LINE-3]]) [purecc-missed-map]
  show("pointer-arithmetic", w);
  // OUT-NEXT: pointer-arithmetic -2198089747387012371

  std::vector<int> c(N, 1);
  auto first = [&] { return c[0]; };
  for (int i = 0; i < N; ++i)
    c[i] = f(first()) + i;
  // The lambda's body is scanned as the term's own code (term20), so the
  // read of 'c[0]' is a read of 'c' in the body, not one through 'first'.
  // REMARK: map-views.cpp:[[@LINE-4]]:3: remark: loop not parallelized: 'c' is read inside the loop body [purecc-missed-map]
  show("lambda", c);
  // OUT-NEXT: lambda [[SPAN]]

  std::vector<int> d(N, 1);
  auto rw = std::ref(d);
  for (int i = 0; i < N; ++i)
    d[i] = f(rw.get()[0]) + i;
  // REMARK: map-views.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'd' is read inside the loop body (through 'rw', declared on line [[@LINE-3]]) [purecc-missed-map]
  show("std-ref", d);
  // OUT-NEXT: std-ref [[SPAN]]

  std::vector<int> k(N, 1);
  const std::vector<int> *pk = &k;
  for (int i = 0; i < N; ++i)
    k[i] = f((*pk)[0]) + i;
  // REMARK: map-views.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'k' is read inside the loop body (through 'pk', declared on line [[@LINE-3]]) [purecc-missed-map]
  show("pointer-to-container", k);
  // OUT-NEXT: pointer-to-container [[SPAN]]

  std::vector<int> v(N, 1);
  std::vector<int> &alias = v;
  for (int i = 0; i < N; ++i)
    v[i] = f(alias[N - 1 - i]) + i;
  // REMARK: map-views.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'v' is read inside the loop body (through 'alias', declared on line [[@LINE-3]]) [purecc-missed-map]
  show("reference", v);
  // OUT-NEXT: reference 6772346165711828597

  std::string s(N, 'a');
  std::string_view sv = s;
  for (int i = 0; i < N; ++i)
    s[i] = char('a' + (f(sv[0]) + i) % 26);
  // REMARK: map-views.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 's' is read inside the loop body (through 'sv', declared on line [[@LINE-3]]) [purecc-missed-map]
  std::printf("string-view %s\n", s.substr(0, 30).c_str());
  // OUT-NEXT: string-view xstuvwxyzabcdefghijklmnopqrstu

  std::vector<int> r1(N, 1);
  auto all = std::views::all(r1);
  for (int i = 0; i < N; ++i)
    r1[i] = f(all[0]) + i;
  // REMARK: map-views.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'r1' is read inside the loop body (through 'all', declared on line [[@LINE-3]]) [purecc-missed-map]
  show("views-all", r1);
  // OUT-NEXT: views-all [[SPAN]]

  std::vector<int> r2(N, 1);
  auto back = r2 | std::views::reverse;
  for (int i = 0; i < N; ++i)
    r2[i] = f(back[0]) + i;
  // REMARK: map-views.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'r2' is read inside the loop body (through 'back', declared on line [[@LINE-3]]) [purecc-missed-map]
  show("views-reverse", r2);
  // OUT-NEXT: views-reverse 8203614823584047848

  std::vector<int> q(N, 1);
  Pointer pq{&q[0]};
  for (int i = 0; i < N; ++i)
    q[i] = f(*pq.p) + i;
  // REMARK: map-views.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'q' is read inside the loop body (through 'pq', declared on line [[@LINE-3]]) [purecc-missed-map]
  show("struct-pointer", q);
  // OUT-NEXT: struct-pointer [[SPAN]]

  std::vector<int> t(N, 1);
  Wrapped wt{std::ref(t)};
  for (int i = 0; i < N; ++i)
    t[i] = f(wt.w.get()[0]) + i;
  // REMARK: map-views.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 't' is read inside the loop body (through 'wt', declared on line [[@LINE-3]]) [purecc-missed-map]
  show("struct-reference-wrapper", t);
  // OUT-NEXT: struct-reference-wrapper [[SPAN]]

  // Made in another scope, copied, assigned, pointed to: still a holder.
  std::vector<int> x(N, 1);
  std::span<int> outer;
  {
    std::span<int> inner(x);
    outer = inner;
  }
  for (int i = 0; i < N; ++i)
    x[i] = f(outer[0]) + i;
  // REMARK: map-views.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'x' is read inside the loop body (through 'outer', declared on line [[@LINE-7]]) [purecc-missed-map]
  show("assigned", x);
  // OUT-NEXT: assigned [[SPAN]]

  std::vector<int> y(N, 1);
  std::span<int> sy(y);
  const std::span<int> *psy = &sy;
  for (int i = 0; i < N; ++i)
    y[i] = f((*psy)[0]) + i;
  // REMARK: map-views.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'y' is read inside the loop body (through 'psy', declared on line [[@LINE-3]]) [purecc-missed-map]
  show("pointer-to-view", y);
  // OUT-NEXT: pointer-to-view [[SPAN]]

  // A view of another container, and a view the body does not read, keep
  // the map.
  std::vector<int> z(N, 1);
  std::span<const int> other(u);
  std::span<int> unread(z);
  for (int i = 0; i < N; ++i)
    z[i] = f(other[i]) + i;
  // REMARK: map-views.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'z' [purecc-parallel-map]
  show("other", z);
  // OUT-NEXT: other -6286611592552635567

  // std::transform into a container is a map as well: the function applied
  // may not read the output through a view of it.
  std::vector<int> tr(N, 1);
  std::span<int> str(tr);
  std::transform(u.begin(), u.end(), tr.begin(), [&](int elem) { return f(elem + str[0]); });
  // REMARK: map-views.cpp:[[@LINE-1]]:3: remark: call to 'std::transform' not parallelized: the function applied reads 'tr' (through 'str') [purecc-missed-algorithm]
  show("transform", tr);
  // OUT-NEXT: transform -800301839011997329

  // A lambda's map sees the holders made around it (a lambda's body is
  // planned after the function's).
  std::vector<int> l(N, 1);
  std::span<int> sl(l);
  auto inLambda = [&] {
    for (int i = 0; i < N; ++i)
      l[i] = f(sl[0]) + i;
    // REMARK: map-views.cpp:[[@LINE-2]]:5: remark: loop not parallelized: 'l' is read inside the loop body (through 'sl', declared on line [[@LINE-4]]) [purecc-missed-map]
  };
  inLambda();
  show("lambda-body", l);
  // OUT-NEXT: lambda-body [[SPAN]]
  return unread.size() == N ? 0 : 1;
}
