// argmin/argmax: `if (d < best) { best = d; arg = i; }` keeps the best term
// and what goes with it. The tree picks exactly the serial loop's term: a
// strict comparison keeps the first of equal values, `<=`/`>=` the last
// (also for +0.0 and -0.0), NaN terms are never selected, a NaN initial
// value is never replaced, and a term equal to the identity (+inf for a
// minimum) counts only when the loop's comparison selects it.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cmath>
#include <cstdio>
#include <limits>
#include <vector>

// Ties everywhere: i % 7 == 3 is the minimum -0.0 or +0.0 (alternating),
// i % 11 == 5 is NaN, i % 13 == 1 is +inf.
[[pure]] double dist(long i) {
  if (i % 11 == 5) return std::sqrt(-1.0 - double(i % 2));
  if (i % 13 == 1) return HUGE_VAL;
  if (i % 7 == 3) return (i / 7) % 2 ? 0.0 : -0.0;
  return 1.0 + double((i * 7919) % 1000);
}
[[pure]] double nan_or_inf(long i) { return i % 3 ? std::sqrt(-1.0 - double(i % 2)) : HUGE_VAL; }
[[pure]] int score(int i) { return (i * 37) % 101; }
[[pure]] double weight(long i) { return double(i % 10) * 0.5; }

void show(const char *what, double v, long i) { std::printf("%s %a at %ld\n", what, v, i); }

int main() {
  long n = 5003;
  double best = HUGE_VAL;
  long arg = -1;
  for (long i = 0; i < n; ++i) {
    double d = dist(i);
    if (d < best) {
      best = d;
      arg = i;
    }
  }
  // CHECK: {{^}}  { using purecc_a0_t = ::purecc::selection_records<std::less<>, double, double>; ::purecc::selection_stop purecc_a0_stop; auto purecc_a0_all = ::purecc::parallel_reduce(0, n, purecc_a0_t{}, [&](std::int64_t i) -> purecc_a0_t { purecc_a0_t purecc_a0_one; if (purecc_a0_stop.passed(i)) return purecc_a0_one; try { {
  // CHECK-NEXT: {{^}}    double d = dist(i);
  // CHECK-NEXT: {{^}}    purecc_a0_one.add(i, (d), d);
  // CHECK: {{^}}  } } catch (...) { purecc_a0_stop.note(i); purecc_a0_one.fail(std::current_exception()); } return purecc_a0_one; }, purecc_a0_t::merge{}, ::purecc::leaf_size{1024}); for (auto &purecc_a0_r : purecc_a0_all.records()) if (purecc_a0_r.key < best) { {{\[\[}}__maybe_unused__{{\]\]}} const std::int64_t i = purecc_a0_r.at; double d = std::get<0>(std::move(purecc_a0_r.carried)); {{$}}
  // CHECK-NEXT: {{^}}#line 36 "{{.*}}argminmax.cpp"
  // CHECK-NEXT: {{^}}{
  // CHECK-NEXT: {{^}}      best = d;
  // CHECK-NEXT: {{^}}      arg = i;
  // CHECK-NEXT: {{^}}    }
  // CHECK-NEXT: {{^}}#line 40 "{{.*}}argminmax.cpp"
  // CHECK-NEXT: {{^}} } purecc_a0_all.rethrow(); }
  // REMARK: argminmax.cpp:[[@LINE-18]]:3: remark: loop rewritten as a parallel selection of 'best' with 'arg' (the first of equal values kept, as in the loop) [purecc-selection]
  show("first minimum:", best, arg);
  // OUT: first minimum: -0x0p+0 at 3

  // `<=` keeps the last of equal values; the best written on the right.
  double last = HUGE_VAL;
  long at_last = -1;
  for (long i = 0; i < n; ++i)
    if (last >= dist(i)) {
      last = dist(i);
      at_last = i;
    }
  // REMARK: argminmax.cpp:[[@LINE-5]]:3: remark: loop rewritten as a parallel selection of 'last' with 'at_last' (the last of equal values kept, as in the loop) [purecc-selection]
  show("last minimum:", last, at_last);
  // OUT-NEXT: last minimum: -0x0p+0 at 5001

  // Counting down, `continue`, and a second payload computed in the body.
  double down = HUGE_VAL;
  long at_down = -1;
  double w_down = -1;
  for (long i = n - 1; i >= 0; --i) {
    if (i % 2 == 0)
      continue;
    double d = dist(i);
    if (d < down) {
      down = d;
      at_down = i;
      w_down = weight(i);
    }
  }
  // REMARK: argminmax.cpp:[[@LINE-10]]:3: remark: loop rewritten as a parallel selection of 'down' with 'at_down' and 'w_down' (the first of equal values kept, as in the loop) [purecc-selection]
  show("counting down, odd only:", down, at_down);
  std::printf("its weight: %g\n", w_down);
  // OUT-NEXT: counting down, odd only: -0x0p+0 at 5001
  // OUT-NEXT: its weight: 0.5

  // Only NaN and +inf terms. With `<=` from +inf, the last +inf is kept;
  // leaves of NaN terms alone must not win a tie with it.
  double inf_best = HUGE_VAL;
  long inf_at = -1;
  for (long i = 0; i < n; ++i)
    if (nan_or_inf(i) <= inf_best) {
      inf_best = nan_or_inf(i);
      inf_at = i;
    }
  // REMARK: argminmax.cpp:[[@LINE-5]]:3: remark: loop rewritten as a parallel selection of 'inf_best' with 'inf_at' (the last of equal values kept, as in the loop) [purecc-selection]
  show("last +inf:", inf_best, inf_at);
  // OUT-NEXT: last +inf: inf at 5001
  // With `<`, no term beats +inf: nothing is selected.
  double none = HUGE_VAL;
  long none_at = -1;
  for (long i = 0; i < n; ++i)
    if (nan_or_inf(i) < none) {
      none = nan_or_inf(i);
      none_at = i;
    }
  // REMARK: argminmax.cpp:[[@LINE-5]]:3: remark: loop rewritten as a parallel selection of 'none' with 'none_at' (the first of equal values kept, as in the loop) [purecc-selection]
  show("nothing below +inf:", none, none_at);
  // OUT-NEXT: nothing below +inf: inf at -1

  // A NaN initial value is never replaced; an empty range changes nothing.
  double sticky = std::nan("");
  long sticky_at = -1;
  for (long i = 0; i < n; ++i)
    if (dist(i) < sticky) {
      sticky = dist(i);
      sticky_at = i;
    }
  // REMARK: argminmax.cpp:[[@LINE-5]]:3: remark: loop rewritten as a parallel selection of 'sticky' with 'sticky_at' (the first of equal values kept, as in the loop) [purecc-selection]
  show("NaN initial value:", sticky, sticky_at);
  // OUT-NEXT: NaN initial value: nan at -1
  double empty = -0.0;
  long empty_at = 42;
  for (long i = n; i < n - 1; ++i)
    if (dist(i) < empty) {
      empty = dist(i);
      empty_at = i;
    }
  // REMARK: argminmax.cpp:[[@LINE-5]]:3: remark: loop rewritten as a parallel selection of 'empty' with 'empty_at' (the first of equal values kept, as in the loop) [purecc-selection]
  show("empty:", empty, empty_at);
  // OUT-NEXT: empty: -0x0p+0 at 42

  // Integers: argmax with `>` (first) and `>=` (last); the initial value wins
  // when nothing beats it.
  int hi = -1, hi_first = -1, hi_last = -1, big = 1000, big_at = -7;
  int m = static_cast<int>(n);
  for (int i = 0; i < m; ++i) {
    int s = score(i);
    if (s > hi) {
      hi = s;
      hi_first = i;
    }
  }
  // REMARK: argminmax.cpp:[[@LINE-7]]:3: remark: loop rewritten as a parallel selection of 'hi' with 'hi_first' (the first of equal values kept, as in the loop) [purecc-selection]
  int hi2 = -1;
  for (int i = 0; i < m; ++i)
    if (score(i) >= hi2) {
      hi2 = score(i);
      hi_last = i;
    }
  // REMARK: argminmax.cpp:[[@LINE-5]]:3: remark: loop rewritten as a parallel selection of 'hi2' with 'hi_last' (the last of equal values kept, as in the loop) [purecc-selection]
  for (int i = 0; i < m; ++i)
    if (score(i) > big) {
      big = score(i);
      big_at = i;
    }
  // REMARK: argminmax.cpp:[[@LINE-5]]:3: remark: loop rewritten as a parallel selection of 'big' with 'big_at' (the first of equal values kept, as in the loop) [purecc-selection]
  std::printf("int argmax: %d first at %d, %d last at %d; none above 1000: %d at %d\n", hi,
              hi_first, hi2, hi_last, big, big_at);
  // OUT-NEXT: int argmax: 100 first at 30, 100 last at 4979; none above 1000: 1000 at -7

  // Range-for over a vector: the payload is the element.
  std::vector<long> ids;
  for (long i = 0; i < n; ++i)
    ids.push_back((i * 31) % n);
  // REMARK: argminmax.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel concatenation onto 'ids' (the pieces kept in the loop's order) [purecc-concatenation]
  double rbest = HUGE_VAL;
  long rid = -1;
  for (long id : ids)
    if (dist(id) < rbest) {
      rbest = dist(id);
      rid = id;
    }
  // REMARK: argminmax.cpp:[[@LINE-5]]:3: remark: loop rewritten as a parallel selection of 'rbest' with 'rid' (the first of equal values kept, as in the loop) [purecc-selection]
  show("range-for:", rbest, rid);
  // OUT-NEXT: range-for: -0x0p+0 at 31

  // Refused, with the reason.
  double cbest = HUGE_VAL;
  long carg = -1, seen = 0;
  for (long i = 0; i < n; ++i)
    if (dist(i) < cbest) {
      cbest = dist(i);
      carg = i;
      ++seen;
    }
  // REMARK: argminmax.cpp:[[@LINE-6]]:3: remark: loop not parallelized: 'seen' is written inside the selection's block ('++seen'): the block of a selection may only assign what it keeps ('cbest' and its payloads), which the tree takes from one iteration [purecc-missed-reduction]
  int ibest = 1 << 30;
  long iarg = -1;
  for (long i = 0; i < n; ++i)
    if (weight(i) < ibest) {
      ibest = weight(i);
      iarg = i;
    }
  // REMARK: argminmax.cpp:[[@LINE-5]]:3: remark: loop not parallelized: the loop compares a 'double' with 'ibest' of type 'int', which the tree's comparisons of kept values would change [purecc-missed-reduction]
  double lo = HUGE_VAL, hi3 = -HUGE_VAL;
  long lo_at = -1, hi_at = -1;
  for (long i = 0; i < n; ++i) {
    if (dist(i) < lo) {
      lo = dist(i);
      lo_at = i;
    }
    if (dist(i) > hi3) {
      hi3 = dist(i);
      hi_at = i;
    }
  }
  // REMARK: argminmax.cpp:[[@LINE-10]]:3: remark: loop not parallelized: the loop selects both 'lo' and 'hi3', which purecc does not combine in one reduction [purecc-missed-reduction]
  double rb = HUGE_VAL;
  long ra = -1;
  for (long i = 0; i < n; ++i)
    if (dist(i) < rb) {
      rb = dist(i);
      ra = i + long(rb);
    }
  // REMARK: argminmax.cpp:[[@LINE-5]]:3: remark: loop not parallelized: 'rb' is read inside the loop body [purecc-missed-reduction]
  std::printf("refused: %ld %ld %ld %ld %ld %ld\n", carg, seen, iarg, lo_at, hi_at, ra);
  // OUT-NEXT: refused: 3 2 0 3 1 3

  // A selection that calls no function is a loop like any other: rewritten
  // when the cost model finds it worth sharing, else left as written with
  // no remark (remarks answer for loops over pure calls).
  std::vector<double> plain(static_cast<std::size_t>(n));
  for (long i = 0; i < n; ++i)
    plain[static_cast<std::size_t>(i)] = dist(i);
  // REMARK: argminmax.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'plain' [purecc-parallel-map]
  double pbest = HUGE_VAL;
  std::size_t pat = 0;
  for (std::size_t i = 0; i < plain.size(); ++i)
    if (plain[i] <= pbest) {
      pbest = plain[i];
      pat = i;
    }
  // REMARK: argminmax.cpp:[[@LINE-5]]:3: remark: loop rewritten as a parallel selection of 'pbest' with 'pat' (the last of equal values kept, as in the loop) [purecc-selection]
  double few[8] = {3, -0.0, 1, 0.0, 2, -0.0, 5, 4};
  double fbest = HUGE_VAL;
  int fat = -1, fseen = 0;
  for (int i = 0; i < 8; ++i)
    if (few[i] < fbest) {
      fbest = few[i];
      fat = i;
    }
  for (int i = 0; i < 8; ++i)
    if (few[i] >= fbest) {
      fbest = few[i];
      fat = i;
      ++fseen;
    }
  std::printf("plain: %a at %zu; few: %a at %d after %d\n", pbest, pat, fbest, fat, fseen);
  // OUT-NEXT: plain: -0x0p+0 at 5001; few: 0x1.4p+2 at 6 after 2
}
