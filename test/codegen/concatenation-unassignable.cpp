// Appending elements that cannot be assigned (a reference or const member,
// a deleted assignment) is still a concatenation: std::vector::push_back
// needs no assignment, and neither may the rewrite. The combine used
// `insert(end, make_move_iterator(..))`, which std::vector compiles only for
// move-assignable elements: the rewritten program did not compile (found by
// gen_loops.py parts, seed 1010). The partials are now joined by
// purecc::append_moved (purecc/append.h), which moves such elements one at
// a time.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <string>
#include <vector>

[[pure]] long heavy(long x) {
  long s = 0;
  for (long k = 0; k < 300; ++k)
    s += (x * k + 3) % 7;
  return s;
}

struct Ref {
  long &r;
  long k;
};
struct Fixed {
  const long k;
  std::string tag;
};
struct Pinned {
  long k;
  Pinned(long k_) : k(k_) {}
  Pinned(Pinned &&) = default;
  Pinned &operator=(Pinned &&) = delete;
};

int main() {
  const long n = 3000;
  std::vector<long> base(7);
  std::vector<Ref> refs;
  for (long i = 0; i < n; ++i)
    refs.push_back(Ref{base[i % 7], heavy(i)});
  // CHECK: ::purecc::append_moved(purecc_lhs, purecc_rhs); return purecc_lhs; }, ::purecc::leaf_size{1024}); ::purecc::append_moved(refs, purecc_c0); }
  // REMARK: concatenation-unassignable.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel concatenation onto 'refs' (the pieces kept in the loop's order) [purecc-concatenation]
  std::vector<Fixed> fixed;
  fixed.reserve(5); // the user's own elements stay in front
  fixed.push_back(Fixed{-1, "first"});
  for (long i = n; i-- > 0;) {
    if (i % 10 == 3)
      continue;
    fixed.emplace_back(Fixed{heavy(i) + i, std::to_string(i % 13)});
  }
  // REMARK: concatenation-unassignable.cpp:[[@LINE-5]]:3: remark: loop rewritten as a parallel concatenation onto 'fixed' (the pieces kept in the loop's order) [purecc-concatenation]
  std::vector<Pinned> pinned;
  for (long i = 0; i < n; ++i)
    pinned.emplace_back(heavy(i) * 2 + i);
  // REMARK: concatenation-unassignable.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel concatenation onto 'pinned' (the pieces kept in the loop's order) [purecc-concatenation]

  for (const Ref &e : refs)
    e.r = e.r * 31 + e.k;
  unsigned long h = 0;
  for (long b : base)
    h = h * 1000003u + (unsigned long)b;
  for (const Fixed &e : fixed)
    h = h * 1000003u + (unsigned long)e.k + e.tag.size();
  for (const Pinned &e : pinned)
    h = h * 1000003u + (unsigned long)e.k;
  std::printf("%zu %zu %zu %s %lu\n", refs.size(), fixed.size(), pinned.size(),
              fixed.front().tag.c_str(), h);
  // OUT: 3000 2701 3000 first {{[0-9]+}}
}
