// A loop bound that reads a scalar member through a reference, `i < c.n`
// of a `Cfg &c` (adv90 F2: "the bound 'c' changes inside the loop body" of
// a body that never changes 'c.n'). Stores into elements of the object's
// container members (`c.out[i] = h`, elements wider than a byte) land in
// the containers' blocks; what may reach 'c.n' is any other write through
// a pointer or reference, or a call not known to be pure, and the remark
// names it.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <vector>

[[pure]] double heavy(int x) {
  double s = 0;
  for (int k = 0; k < 200; ++k)
    s += (x ^ k) * 1e-3;
  return s;
}

struct Cfg {
  int n;
  std::vector<double> out;
  std::vector<unsigned char> raw;
};
struct Stats {
  double sum = 0;
};

int calls = 0;
void note(int) { ++calls; }

// Another reference is written: it may be 'c.n' as far as the loop knows.
void through_other(Cfg &c, Stats &st) {
  for (int i = 0; i < c.n; ++i) {
    // REMARK: reference-bounds.cpp:[[@LINE-1]]:3: remark: loop not parallelized: the bound reads 'c.n' through a reference, which a write through a pointer or reference may reach ('st.sum += h') [purecc-missed-reduction]
    double h = heavy(i);
    c.out[i] = h;
    st.sum += h;
  }
}

double through_pointer(const Cfg &c, double *p) {
  for (int i = 0; i < c.n; ++i)
    // REMARK: reference-bounds.cpp:[[@LINE-1]]:3: remark: loop not parallelized: the bound reads 'c.n' through a reference, which a write through a pointer or reference may reach ('*p += heavy(i)') [purecc-missed-reduction]
    *p += heavy(i);
  return *p;
}

double through_call(const Cfg &c) {
  double s = 0;
  for (int i = 0; i < c.n; ++i) {
    // REMARK: reference-bounds.cpp:[[@LINE-1]]:3: remark: loop not parallelized: the bound reads 'c.n' through a reference, which a call in the loop body may change: 'note' is not known to be pure [purecc-missed-reduction]
    s += heavy(i);
    note(i);
  }
  return s;
}

// A byte may be where another object was built: a store there may change
// any object, 'c.n' included.
double through_bytes(Cfg &c) {
  double s = 0;
  for (int i = 0; i < c.n; ++i) {
    // REMARK: reference-bounds.cpp:[[@LINE-1]]:3: remark: loop not parallelized: the bound reads 'c.n' through a reference, which a write through a pointer or reference may reach ('c.raw[i % 4] = 1') [purecc-missed-reduction]
    s += heavy(i);
    c.raw[i % 4] = 1;
  }
  return s;
}

// Only the object's own elements are stored: the bound holds, and the
// stores beside the sum make a map (a reduction that stores elements:
// test/codegen/map-beside-reduction.cpp).
long own_elements(Cfg &c) {
  long s = 0;
  for (int i = 0; i < c.n; ++i) {
    // REMARK: reference-bounds.cpp:[[@LINE-1]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
    // REMARK: reference-bounds.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'c.out' [purecc-parallel-map]
    double h = heavy(i);
    c.out[i] = h;
    s += long(h * 16);
  }
  return s;
}

// A reference member may refer to anything, 'c.n' included as far as the
// loop knows (adv96 F3: "the bound 'r' changes").
struct Lent {
  int n;
  std::vector<double> &out;
};
void through_member_reference(Lent &r) {
  for (int i = 0; i < r.n; ++i)
    // REMARK: reference-bounds.cpp:[[@LINE-1]]:3: remark: loop not parallelized: the bound reads 'r.n' through a reference, which the loop body may change ('r.out[i] = heavy(i)') [purecc-missed-map]
    r.out[i] = heavy(i);
}

// Read only: a reduction.
long read_only(const Cfg &c) {
  long s = 0;
  for (int i = 0; i < c.n; ++i)
    // REMARK: reference-bounds.cpp:[[@LINE-1]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
    s += long(heavy(i));
  return s;
}

int main() {
  Cfg c{600, std::vector<double>(600), std::vector<unsigned char>(4)};
  Stats st;
  through_other(c, st);
  double d = 0;
  through_pointer(c, &d);
  std::printf("%a %a %a\n", st.sum, c.out[599], d);
  // OUT: 0x1.2146f9db22d0bp+15 0x1.f80c49ba5e354p+6 0x1.2146f9db22d0bp+15
  double by_call = through_call(c);
  double by_bytes = through_bytes(c);
  std::printf("%a %d %a %d\n", by_call, calls, by_bytes, int(c.raw[3]));
  // OUT-NEXT: 0x1.2146f9db22d0bp+15 600 0x1.2146f9db22d0bp+15 1
  Lent r{600, c.out};
  through_member_reference(r);
  long own = own_elements(c);
  std::printf("%ld %ld\n", own, read_only(c));
  // OUT-NEXT: 592112 36736
}
