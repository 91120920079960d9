// Never silent, and the true reason (adv22 F8): a selection whose best is
// set to the term converted ('fl = (float)v' with a 'double v'), or whose
// 'if' tests more than one comparison ('v < fb || std::isnan(v)'), was
// "'fl' is overwritten in the loop body ... such as 'fl += e'"; stores into
// rows that are pointers an element holds ('row[j]' with 'long *row' the
// element, '(*row)[j]' with a 'shared_ptr' row) were "not indexed by the
// loop variable" or "neither accumulates ... nor stores"; 'ptrs[i][0]' says
// its rows are pointers.
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cmath>
#include <cstdio>
#include <limits>
#include <memory>
#include <vector>

[[pure]] long heavy(long i) {
  long r = i;
  for (int k = 0; k < 3000; ++k)
    r = (r * 2654435761L + k) % 1000003;
  return r;
}

[[pure]] double val(long i) {
  if (i % 97 == 13)
    return std::numeric_limits<double>::quiet_NaN();
  return (double)(heavy(i) % 1000) + 1e-9 * (double)i;
}

int main(int argc, char **) {
  const long n = 2000 + argc;
  float fl = 1e30f;
  long fli = -1;
  // REMARK: remark-near-selections.cpp:[[@LINE+1]]:3: remark: loop not parallelized: the loop compares a 'double' with 'fl' of type 'float', which the tree's comparisons of kept values would change [purecc-missed-reduction]
  for (long i = 0; i < n; ++i) {
    double v = val(i);
    if (v < fl) {
      fl = (float)v;
      fli = i;
    }
  }
  std::printf("A %g %ld\n", fl, fli);
  double fb = 1e300;
  long fi = -1;
  // REMARK: remark-near-selections.cpp:[[@LINE+1]]:3: remark: loop not parallelized: the 'if' that selects 'fb' ('if (v < fb || std::isnan(v))') tests more than one comparison of a term with 'fb': a selection is rewritten only for 'if (e < fb)' and the like [purecc-missed-reduction]
  for (long i = 0; i < n; ++i) {
    double v = val(i);
    if (v < fb || std::isnan(v)) {
      fb = v;
      fi = i;
    }
  }
  std::printf("B %g %ld\n", fb, fi);
  const long m = 200;
  std::vector<long> one(m, 1);
  std::vector<long *> ptrs(64, one.data());
  // REMARK: remark-near-selections.cpp:[[@LINE+1]]:3: remark: loop not parallelized: 'row[j]' writes through 'row', a pointer that an element holds: which object it refers to is not followed, and two elements may refer to one [purecc-missed-map]
  for (long *row : ptrs)
    // REMARK: remark-near-selections.cpp:[[@LINE+1]]:5: remark: loop not parallelized: 'row' is not a local array or standard container, so it may alias what the loop reads [purecc-missed-map]
    for (long j = 0; j < m; ++j)
      row[j] = row[j] + heavy(j) % 3;
  // REMARK: remark-near-selections.cpp:[[@LINE+1]]:3: remark: loop not parallelized: the rows of 'ptrs' ('ptrs[i]') are of type 'long *', which does not own its elements: two rows may share storage, so two iterations may write one element [purecc-missed-map]
  for (long i = 0; i < 64; ++i)
    ptrs[i][0] = ptrs[i][0] + heavy(i) % 5;
  long h = 0;
  for (long e : one)
    h = h * 31 + e;
  std::printf("C %ld\n", h);
  auto shared = std::make_shared<std::vector<long>>(m, 1);
  std::vector<std::shared_ptr<std::vector<long>>> sp(64, shared);
  // REMARK: remark-near-selections.cpp:[[@LINE+1]]:3: remark: loop not parallelized: '(*row)[j]' writes through the pointer 'row', and which container it points to is not followed: the loop may read or write that container under another name [purecc-missed-map]
  for (auto &row : sp)
    // REMARK: remark-near-selections.cpp:[[@LINE+1]]:5: remark: loop not parallelized: '(*row)[j]' writes through the pointer 'row', and which container it points to is not followed: the loop may read or write that container under another name [purecc-missed-map]
    for (long j = 0; j < m; ++j)
      (*row)[j] = (*row)[j] + heavy(j) % 3;
  h = 0;
  for (long e : *shared)
    h = h * 31 + e;
  std::printf("D %ld\n", h);

  // A selection keyed on a member of what it keeps (user47 k08): the remark
  // says how to write it as one.
  struct Result {
    long at;
    long cost;
  };
  Result best{0, 1L << 40};
  for (long i = 1; i < 3000; ++i) {
    Result r{i, heavy(i) % 1000};
    if (r.cost < best.cost)
      best = r;
  }
  // REMARK: remark-near-selections.cpp:[[@LINE-5]]:3: remark: loop not parallelized: 'best' is overwritten in the loop body ('best = r'): a variable from outside the loop is combined only by updates such as 'best += e' or a maximum, or a selection, which compares with a variable of its own: keep 'best.cost' in a variable beside 'best' ('if (e < key) { key = e; best = ...; }') [purecc-missed-reduction]
  std::printf("E %ld %ld\n", best.at, best.cost);
  // A selection keyed on the member written, in a nest (user48 k05 read
  // "keep 'kept.cost' in a variable beside 'kept.cost'"): the inner loop is
  // the selection, and the outer one says so.
  Result kept{0, 1L << 40};
  for (long f = 0; f < 3; ++f)
    for (long i = 1; i < 1000; ++i) {
      long c = heavy(f * 1000 + i) % 1000;
      if (c < kept.cost) {
        kept.cost = c;
        kept.at = f * 1000 + i;
      }
    }
  // REMARK: remark-near-selections.cpp:[[@LINE-8]]:3: remark: loop not parallelized: 'kept.cost' is overwritten in the loop body ('kept.cost = c'): a variable from outside the loop is combined only by updates such as 'kept.cost += e' or a maximum, or a selection, which is one loop: this one holds it in an inner loop (line [[@LINE-7]]), which may be rewritten alone; to select over both counters, write one loop over them [purecc-missed-reduction]
  // REMARK: remark-near-selections.cpp:[[@LINE-8]]:5: remark: loop rewritten as a parallel selection of 'kept' (the first of equal values kept, as in the loop) [purecc-selection]
  std::printf("F %ld %ld\n", kept.at, kept.cost);
  return 0;
}

// OUT: A 4.43e-07 443
// OUT-NEXT: B nan 1953
// OUT-NEXT: C -1846191694168224058
// OUT-NEXT: D -5221665290342646656
// OUT-NEXT: E [[AT:[0-9]+]] [[COST:[0-9]+]]
// OUT-NEXT: F [[AT]] [[COST]]
