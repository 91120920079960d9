// Loops over standard-library functions the checker calls pure are
// parallelized: the rewriter reads the checker's model of the library
// (analysis/StdlibPurity.def). A container local to the iteration, changed
// by its members (push_back, a map's operator[]), is no loop-carried
// effect; one from outside the loop is.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <numeric>
#include <span>
#include <string>
#include <vector>

long g_copies = 0;
struct Noisy {
  long v;
  explicit Noisy(long x) : v(x) {}
  Noisy(const Noisy &o) : v(o.v) { ++g_copies; }
};

[[pure]] long scale(long x) { return 3 * x + 1; }
// Noisy's constructor from a long is pure (the checker proves it here);
// its copy constructor is not.
[[pure]] long noisy(long x) { return Noisy(x).v; }

int run(int n) {
  std::vector<long> a(n), g(n), l(n);
  std::vector<double> h(n);
  std::vector<std::string> words(n), parts(n);
  std::vector<std::size_t> where(n);
  for (int i = 0; i < n; ++i) {
    a[i] = (i * 7919L) % 1000 - 300; // negative and zero values too
    // unsigned: a signed count may be negative, which wraps past max_size()
    // (std::length_error; speculation-size-limit.cpp), and the loop would stay serial.
    words[i] = std::string(static_cast<unsigned>(i % 7), 'x') + (i % 3 ? "ab" : "ba") + "cd";
  }
  // CHECK: {{^}}  ::purecc::parallel_for(0, n, [&](std::int64_t purecc_i0) {

  for (int i = 0; i < n; ++i)
    g[i] = std::gcd(scale(a[i]), 84L);
  // CHECK: {{^}}  ::purecc::parallel_for(0, n, [&](std::int64_t purecc_i1) { int i = static_cast<int>(purecc_i1); {
  // CHECK-NEXT: {{^}}    g[i] = std::gcd(scale(a[i]), 84L); } });
  // REMARK: stdlib-loops.cpp:[[@LINE-4]]:3: remark: loop rewritten as a parallel map over 'g' [purecc-parallel-map]

  for (int i = 0; i < n; ++i)
    l[i] = std::lcm(scale(a[i]) % 97, 6L);
  // CHECK: {{^}}  ::purecc::parallel_for(0, n, [&](std::int64_t purecc_i2) {
  // REMARK: stdlib-loops.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel map over 'l' [purecc-parallel-map]

  for (int i = 0; i < n; ++i)
    h[i] = std::hypot(static_cast<double>(scale(a[i])), 0.5 * i);
  // CHECK: {{^}}  ::purecc::parallel_for(0, n, [&](std::int64_t purecc_i3) {
  // REMARK: stdlib-loops.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel map over 'h' [purecc-parallel-map]

  // String members in a map: find (npos when absent) and substr from
  // position 0 (any other position may throw by substr's contract, which
  // keeps a loop serial: loop-library-throws.cpp).
  for (int i = 0; i < n; ++i) {
    where[i] = words[i].find("ab") + static_cast<std::size_t>(scale(i) % 2);
    parts[i] = words[i].substr(0, words[i].size() - words[i].size() / 2);
  }
  // CHECK: {{^}}  ::purecc::parallel_for(0, n, [&](std::int64_t purecc_i4) {
  // REMARK: stdlib-loops.cpp:[[@LINE-5]]:3: remark: loop rewritten as a parallel map over 'where' and 'parts' [purecc-parallel-map]

  // A vector and a map of the iteration's own, changed by their members.
  std::vector<long> local(n);
  for (int i = 0; i < n; ++i) {
    std::vector<long> tmp;
    tmp.push_back(scale(a[i]));
    tmp.push_back(i);
    std::map<long, long> seen;
    seen[tmp[0] % 5] += tmp[1];
    seen[tmp[1] % 5] += 1;
    local[i] = tmp[0] * tmp[1] + static_cast<long>(seen.size()) + seen.begin()->second;
  }
  // CHECK: {{^}}  ::purecc::parallel_for(0, n, [&](std::int64_t purecc_i5) {
  // REMARK: stdlib-loops.cpp:[[@LINE-10]]:3: remark: loop rewritten as a parallel map over 'local' [purecc-parallel-map]

  // A reduction over std::gcd.
  long common = 0;
  for (int i = 0; i < n; ++i)
    common += std::gcd(scale(a[i]), 12L);
  // REMARK: stdlib-loops.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'common' [purecc-reduction]

  // Pushing onto a vector from outside the loop: a concatenation, its
  // pieces kept in the loop's order.
  std::vector<long> all;
  for (int i = 0; i < n; ++i)
    all.push_back(std::gcd(scale(a[i]), 6L));
  // REMARK: stdlib-loops.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel concatenation onto 'all' (the pieces kept in the loop's order) [purecc-concatenation]

  // So is inserting into a map from outside through operator[].
  std::map<long, long> counts;
  for (int i = 0; i < n; ++i)
    local[i] = counts[scale(a[i]) % 3]++;
  // REMARK: stdlib-loops.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'counts' is written inside the loop body [purecc-missed-map]

  // A push_back that copies a T whose copy constructor counts in a global
  // stays serial.
  std::vector<long> copies(n);
  for (int i = 0; i < n; ++i) {
    std::vector<Noisy> tmp;
    Noisy x(scale(i));
    tmp.push_back(x);
    copies[i] = tmp[0].v;
  }
  // REMARK: stdlib-loops.cpp:[[@LINE-6]]:3: remark: loop not parallelized: 'std::vector<Noisy>::push_back' copies a 'Noisy', which is not known to be pure [purecc-missed-map]

  // A lambda given to the library that writes a variable from outside.
  long total = 0;
  for (int i = 0; i < n; ++i) {
    std::vector<long> one{scale(a[i])};
    std::for_each(one.begin(), one.end(), [&total](long v) { total += v; });
    local[i] = one[0];
  }
  // REMARK: stdlib-loops.cpp:[[@LINE-5]]:3: remark: loop not parallelized: 'total' is written inside the loop body [purecc-missed-map]

  // Writes the model cannot pin on a local of the iteration stay serial:
  // a pointer to a container from outside,
  std::vector<long> shared;
  for (int i = 0; i < n; ++i) {
    std::vector<long> *p = &shared;
    p->push_back(scale(i));
    local[i] = scale(i);
  }
  // REMARK: stdlib-loops.cpp:[[@LINE-5]]:3: remark: loop not parallelized: the loop body writes through a pointer or reference [purecc-missed-map]
  // a view of an array from outside, filled through its iterators (the
  // span is made from a reference to the array: a write of it),
  long cells[8] = {};
  for (int i = 0; i < n; ++i) {
    std::span<long> view(cells);
    std::fill(view.begin(), view.end(), scale(i));
    local[i] = view[0];
  }
  // REMARK: stdlib-loops.cpp:[[@LINE-5]]:3: remark: loop not parallelized: 'cells' is written inside the loop body [purecc-missed-map]
  // a range algorithm given a container from outside,
  for (int i = 0; i < n; ++i) {
    std::ranges::sort(shared);
    local[i] = scale(i);
  }
  // REMARK: stdlib-loops.cpp:[[@LINE-4]]:3: remark: loop not parallelized: 'shared' is written inside the loop body [purecc-missed-map]
  // and a comparator that counts its calls in a variable from outside.
  long compared = 0;
  for (int i = 0; i < n; ++i) {
    std::vector<long> two{scale(i), scale(n - i)};
    std::sort(two.begin(), two.end(), [&compared](long x, long y) { ++compared; return x < y; });
    local[i] = two[0];
  }
  // REMARK: stdlib-loops.cpp:[[@LINE-5]]:3: remark: loop not parallelized: 'compared' is written inside the loop body [purecc-missed-map]

  unsigned long check = 0;
  for (int i = 0; i < n; ++i)
    check = check * 31 + static_cast<unsigned long>(g[i] + l[i] + local[i] + copies[i]) +
            static_cast<unsigned long>(h[i] * 1000) + where[i] + parts[i].size();
  for (long v : all)
    check = check * 7 + static_cast<unsigned long>(v);
  std::printf("%lu %ld %ld %zu %zu %ld %ld\n", check, common, total, all.size(), counts.size(),
              g[0], g_copies);
  return 0;
}

int main(int argc, char **) { return run(3000 + argc); }
// OUT: 12216427962878958691 6001 1797601 3001 2 1 3001
