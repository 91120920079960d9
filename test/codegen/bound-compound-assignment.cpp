// A loop bound that is a container's size, `j < (int)v.size()` of a
// `const std::vector<V2> &`, beside an accumulation with a user's compound
// assignment (`a += scaled(v[j], 2.0)`, `V2::operator+=` writing only its
// left operand): the operator resizes no container, since its object holds
// no address (adv115 F2 said "the bound '(int)v.size()' may change: the
// loop body may resize a container"). An object that holds a container may
// resize it, and the remark says so.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <vector>

struct V2 {
  double x = 0, y = 0;
  [[purecc::associative]] V2 &operator+=(const V2 &o) {
    x += o.x;
    y += o.y;
    return *this;
  }
};
struct W2 {
  long x = 0;
  W2 &operator+=(const W2 &o) {
    x += o.x;
    return *this;
  }
};
struct Bag {
  std::vector<long> items;
  Bag &operator+=(long v) {
    items.push_back(v);
    return *this;
  }
};

[[pure]] V2 scaled(const V2 &p, double s) {
  double t = 0;
  for (int k = 0; k < 300; ++k)
    t += (k % 7) * 1e-9;
  return {p.x * s + t, p.y * s};
}
[[pure]] W2 weight(const V2 &p) {
  long t = 0;
  for (int k = 0; k < 300; ++k)
    t += (k ^ static_cast<long>(p.x)) % 5;
  return {t};
}
[[pure]] long heavy(long x) {
  long t = 0;
  for (int k = 0; k < 300; ++k)
    t += (k ^ x) % 5;
  return t;
}

[[pure]] V2 total(const std::vector<V2> &v) {
  V2 a;
  for (int j = 0; j < (int)v.size(); ++j)
    // REMARK: bound-compound-assignment.cpp:[[@LINE-1]]:3: remark: loop rewritten as a parallel reduction of 'a' with '+=' in the loop's order (associative as declared by '{{\[\[purecc::associative\]\]}}') [purecc-ordered-reduction]
    a += scaled(v[j], 2.0);
  return a;
}

[[pure]] W2 weights(const std::vector<V2> &v) {
  W2 w;
  for (std::size_t j = 0; j < v.size(); ++j)
    // REMARK: bound-compound-assignment.cpp:[[@LINE-1]]:3: remark: loop not parallelized: 'W2::operator+=' is pure but not declared associative, which purecc cannot prove: if '(a + b) + c' equals 'a + (b + c)', mark it '{{\[\[purecc::associative\]\]}}' [purecc-missed-reduction]
    w += weight(v[j]);
  return w;
}

long bagged(const std::vector<long> &v, Bag &b) {
  for (std::size_t j = 0; j < v.size(); ++j)
    // REMARK: bound-compound-assignment.cpp:[[@LINE-1]]:3: remark: loop not parallelized: 'Bag::operator+=' does not combine two 'Bag' values into one, as a reduction of 'b' needs [purecc-missed-reduction]
    b += heavy(v[j]);
  return static_cast<long>(b.items.size());
}

// `vs[i] += kick(i)`: each iteration writes its own element through an
// operator that writes only its left operand, and keeps no address of it
// (adv115 F3: "the elements of 'vs' are assigned with the user-written
// 'V2::operator+=', which is not known to be pure").
struct Body {
  V2 pos, vel;
};
[[pure]] V2 kick(int i) {
  V2 r;
  for (int k = 0; k < i % 50; ++k)
    r = {r.x + k * 0.001, r.y - k * 0.002};
  return r;
}
double kicked(int n) {
  std::vector<Body> bs(n);
  for (int i = 0; i < n; ++i)
    // REMARK: bound-compound-assignment.cpp:[[@LINE-1]]:3: remark: loop rewritten as a parallel map over 'bs' [purecc-parallel-map]
    bs[i].vel += kick(i);
  std::vector<V2> vs(n);
  for (int i = 0; i < n; ++i)
    // REMARK: bound-compound-assignment.cpp:[[@LINE-1]]:3: remark: loop rewritten as a parallel map over 'vs' [purecc-parallel-map]
    vs[i] += kick(i);
  return bs[77].vel.x + vs[99].y;
}

// The same with a free compound assignment (adv116 F1: "the address of
// 'us' escapes", "the bound may change").
struct U2 {
  long x = 0;
};
[[purecc::associative]] U2 &operator+=(U2 &a, const U2 &b) {
  a.x += b.x;
  return a;
}
[[pure]] U2 unit(int i) { return {heavy(i)}; }
long freely(int n) {
  std::vector<U2> us(n);
  for (int i = 0; i < n; ++i)
    // REMARK: bound-compound-assignment.cpp:[[@LINE-1]]:3: remark: loop rewritten as a parallel map over 'us' [purecc-parallel-map]
    us[i] += unit(i);
  U2 t;
  for (std::size_t j = 0; j < us.size(); ++j)
    // REMARK: bound-compound-assignment.cpp:[[@LINE-1]]:3: remark: loop rewritten as a parallel reduction of 't' with '+=' in the loop's order (associative as declared by '{{\[\[purecc::associative\]\]}}') [purecc-ordered-reduction]
    t += us[j];
  return t.x;
}

int main(int argc, char **) {
  std::vector<V2> v;
  // REMARK: bound-compound-assignment.cpp:[[@LINE+4]]:10: remark: calls to 'total' and 'weights' run in parallel [purecc-parallel-calls]
  // REMARK: bound-compound-assignment.cpp:[[@LINE+1]]:3: remark: loop rewritten as a parallel concatenation onto 'v' (the pieces kept in the loop's order) [purecc-concatenation]
  for (int i = 0; i < 3000; ++i)
    v.push_back({i * 0.5, i * 0.25});
  V2 t = total(v);
  W2 w = weights(v);
  std::vector<long> n(100, 3);
  Bag b;
  long c = bagged(n, b);
  std::printf("%.6f %.6f %ld %ld %.6f\n", t.x, t.y, w.x, c, kicked(3000 * argc));
  // OUT: {{^}}4498500.002691 2249250.000000 1798760 100 -2.001000{{$}}
  std::printf("%ld\n", freely(2000 * argc));
  // OUT-NEXT: {{^}}1199124{{$}}
}
