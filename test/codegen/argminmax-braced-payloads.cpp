// argmin/argmax whose payload is a std::vector or std::string assigned from
// braces, `bv = {i, i + 1};`: the standard class's operator= from an
// initializer list makes the payload hold those values, as a copy would, so
// the leaves may keep private copies of it (allocation failure is exempt,
// as everywhere). Ties keep the loop's choice (first for `<`, last for
// `<=`). A payload whose element copies run the user's code stays serial,
// and so does one a handler could read after the body throws.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

struct Tracked {
  long id = 0;
  Tracked(long i = 0) : id(i) {}
  Tracked(const Tracked &o) : id(o.id) { std::puts("copied"); }
  Tracked &operator=(const Tracked &o) {
    id = o.id;
    return *this;
  }
};

// Equal minima at every i % 97 == 13, the maximum at several i % 89 == 7.
[[pure]] long cost(long i) {
  long s = 0;
  for (long k = 0; k < 20; ++k)
    s += (i * 7 + k) % 5;
  return i % 97 == 13 ? -1 : i % 89 == 7 ? 1000 : s + (i * 7919) % 500;
}
[[pure]] long checked(long i) {
  if (i == 4000)
    throw std::runtime_error("bad " + std::to_string(i));
  return cost(i);
}

void show(const char *what, long best, const std::vector<long> &v) {
  std::printf("%s %ld:", what, best);
  for (long x : v)
    std::printf(" %ld", x);
  std::printf("\n");
}

int main() {
  const long n = 5003;
  long best = 1L << 40;
  std::vector<long> bv;
  for (long i = 0; i < n; ++i) {
    long c = cost(i);
    if (c < best) {
      best = c;
      bv = {i, i + 1, c};
    }
  }
  // CHECK: {{^}}      bv = {i, i + 1, c};
  // REMARK: argminmax-braced-payloads.cpp:[[@LINE-8]]:3: remark: loop rewritten as a parallel selection of 'best' with 'bv' (the first of equal values kept, as in the loop) [purecc-selection]
  show("first min", best, bv);
  // OUT: first min -1: 13 14 -1

  long worst = -1;
  std::vector<long> wv{-1};
  std::string tag = "none";
  for (long i = n; i-- > 0;) {
    long c = cost(i);
    if (c >= worst) {
      worst = c;
      wv = {i};
      tag = {'a', char('a' + i % 26)};
    }
  }
  // REMARK: argminmax-braced-payloads.cpp:[[@LINE-8]]:3: remark: loop rewritten as a parallel selection of 'worst' with 'wv' and 'tag' (the last of equal values kept, as in the loop) [purecc-selection]
  show("last max", worst, wv);
  std::printf("tag %s\n", tag.c_str());
  // OUT-NEXT: last max 1000: 7
  // OUT-NEXT: tag ah

  // No iteration: the payload keeps its value.
  long none = 0;
  std::vector<long> nv{42};
  for (long i = 0; i < n - n; ++i) {
    long c = cost(i);
    if (c < none) {
      none = c;
      nv = {i};
    }
  }
  // REMARK: argminmax-braced-payloads.cpp:[[@LINE-7]]:3: remark: loop rewritten as a parallel selection of 'none' with 'nv' (the first of equal values kept, as in the loop) [purecc-selection]
  show("empty", none, nv);
  // OUT-NEXT: empty 0: 42

  // Elements whose copy prints: the leaves' copies would be seen.
  long tb = 1L << 40;
  std::vector<Tracked> tv;
  for (long i = 0; i < n; ++i) {
    long c = cost(i);
    if (c < tb) {
      tb = c;
      tv = {Tracked(i)};
    }
  }
  // REMARK: argminmax-braced-payloads.cpp:[[@LINE-7]]:3: remark: loop not parallelized: 'tv' has type 'std::vector<Tracked>', which {{.*}}: the selection's private copies would run code the loop does not [purecc-missed-reduction]
  std::printf("tracked %ld %ld\n", tb, tv[0].id);

  // The body may throw, and the handler reads the payload.
  long eb = 1L << 40;
  std::vector<long> ev;
  try {
    for (long i = 0; i < n; ++i) {
      long c = checked(i);
      if (c < eb) {
        eb = c;
        ev = {i};
      }
    }
    // REMARK: argminmax-braced-payloads.cpp:[[@LINE-7]]:5: remark: loop not parallelized: 'checked' may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
  } catch (const std::exception &e) {
    show(e.what(), eb, ev);
  }
}
