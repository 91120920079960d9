// argmin/argmax that keeps the best value in a struct with what goes with
// it: `if (d < b.d) b = {d, i};` or `{ b.d = d; b.i = i; }`. The leaves copy
// the whole struct (its other members as the user's) with the compared
// member at the identity; the loop's choice (first or last of equal values,
// +0.0 == -0.0, NaN never selected, a NaN start never replaced) is kept for
// 0, 1 and 1025 iterations, counting down and with `continue`.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cmath>
#include <cstdio>
#include <string>

struct Best {
  double d;
  long i;
  int untouched;
};
struct Named {
  long score;
  std::string name;
};
struct Loud {
  double d = HUGE_VAL;
  long i = -1;
  Loud() = default;
  Loud(const Loud &o) : d(o.d), i(o.i) { std::puts("copied"); }
  Loud &operator=(const Loud &) = default;
};

// i % 7 == 3: the minimum, -0.0 or +0.0 alternating; i % 11 == 5: NaN.
[[pure]] double dist(long i) {
  if (i % 11 == 5) return std::sqrt(-1.0 - double(i % 2));
  if (i % 7 == 3) return (i / 7) % 2 ? 0.0 : -0.0;
  return 1.0 + double((i * 7919) % 1000);
}
[[pure]] long score(long i) { return (i * 37) % 101; }
[[pure]] std::string label(long i) { return "item-" + std::to_string(i); }

void run(long n) {
  Best b{HUGE_VAL, -1, 7};
  for (long i = 0; i < n; ++i) {
    double d = dist(i);
    if (d < b.d) b = {d, i, 7};
  }
  // CHECK: {{^}}  { using purecc_a0_t = ::purecc::selection_records<std::less<>, double, double>; ::purecc::selection_stop purecc_a0_stop; auto purecc_a0_all = ::purecc::parallel_reduce(0, n, purecc_a0_t{}, [&](std::int64_t i) -> purecc_a0_t { purecc_a0_t purecc_a0_one; if (purecc_a0_stop.passed(i)) return purecc_a0_one; try { {
  // CHECK-NEXT: {{^}}    double d = dist(i);
  // CHECK-NEXT: {{^}}    purecc_a0_one.add(i, (d), d);
  // CHECK-NEXT: {{^}}  } } catch (...) { purecc_a0_stop.note(i); purecc_a0_one.fail(std::current_exception()); } return purecc_a0_one; }, purecc_a0_t::merge{}{{.*}}); for (auto &purecc_a0_r : purecc_a0_all.records()) if (purecc_a0_r.key < b.d) { {{\[\[}}__maybe_unused__{{\]\]}} const std::int64_t i = purecc_a0_r.at; double d = std::get<0>(std::move(purecc_a0_r.carried)); {{$}}
  // CHECK-NEXT: {{^}}#line {{[0-9]+}} "{{.*}}argminmax-struct-best.cpp"
  // CHECK-NEXT: {{^}}b = {d, i, 7};
  // CHECK-NEXT: {{^}}#line {{[0-9]+}} "{{.*}}argminmax-struct-best.cpp"
  // CHECK-NEXT: {{^}} } purecc_a0_all.rethrow(); }
  // REMARK: argminmax-struct-best.cpp:[[@LINE-12]]:3: remark: loop rewritten as a parallel selection of 'b' (the first of equal values kept, as in the loop) [purecc-selection]
  std::printf("n=%ld first: %a at %ld (%d)\n", n, b.d, b.i, b.untouched);

  // Member by member, `>=` (the last of equal values), counting down, odd
  // indices only; a member the block does not set keeps the user's value.
  Best w{-HUGE_VAL, -1, 42};
  for (long i = n - 1; i >= 0; --i) {
    if (i % 2 == 0)
      continue;
    if (-dist(i) >= w.d) {
      w.d = -dist(i);
      w.i = i;
    }
  }
  // REMARK: argminmax-struct-best.cpp:[[@LINE-8]]:3: remark: loop rewritten as a parallel selection of 'w' (the last of equal values kept, as in the loop) [purecc-selection]
  std::printf("last, down, odd: %a at %ld (%d)\n", w.d, w.i, w.untouched);
}

int main(int argc, char **) {
  run(0);
  run(1);
  run(1024 + argc);
  // OUT:      n=0 first: inf at -1 (7)
  // OUT-NEXT: last, down, odd: -inf at -1 (42)
  // OUT-NEXT: n=1 first: 0x1p+0 at 0 (7)
  // OUT-NEXT: last, down, odd: -inf at -1 (42)
  // OUT-NEXT: n=1025 first: -0x0p+0 at 3 (7)
  // OUT-NEXT: last, down, odd: 0x0p+0 at 3 (42)

  // An integer member, `best > b.score` written the other way round, a
  // string in the struct; a NaN start is never replaced.
  long n = 1024 + argc;
  Named top{-1, "none"};
  for (long i = 0; i < n; ++i)
    if (top.score < score(i)) {
      top.score = score(i);
      top.name = label(i);
    }
  // REMARK: argminmax-struct-best.cpp:[[@LINE-5]]:3: remark: loop rewritten as a parallel selection of 'top' (the first of equal values kept, as in the loop) [purecc-selection]
  Best nan{std::nan(""), -1, 0};
  for (long i = 0; i < n; ++i)
    if (dist(i) < nan.d)
      nan = Best{dist(i), i, 1};
  // REMARK: argminmax-struct-best.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel selection of 'nan' (the first of equal values kept, as in the loop) [purecc-selection]
  std::printf("%ld %s; NaN start: %a at %ld (%d)\n", top.score, top.name.c_str(), nan.d, nan.i,
              nan.untouched);
  // OUT-NEXT: 100 item-30; NaN start: nan at -1 (0)

  // Refused, with the reason.
  Best r{HUGE_VAL, -1, 0};
  for (long i = 0; i < n; ++i)
    if (dist(i) < r.d) {
      r.d = dist(i);
      r.i = i + r.untouched;
    }
  // REMARK: argminmax-struct-best.cpp:[[@LINE-5]]:3: remark: loop not parallelized: 'r' is read inside the loop body [purecc-missed-reduction]
  Loud loud;
  for (long i = 0; i < n; ++i)
    if (dist(i) < loud.d) {
      loud.d = dist(i);
      loud.i = i;
    }
  // REMARK: argminmax-struct-best.cpp:[[@LINE-5]]:3: remark: loop not parallelized: 'loud' has type 'Loud', which has a user-provided copy or move constructor: the selection's private copies would run code the loop does not [purecc-missed-reduction]
  Best t{1e9, -1, 0};
  for (long i = 0; i < n; ++i)
    if (score(i) < t.d) {
      t.d = score(i);
      t.i = i;
    }
  // REMARK: argminmax-struct-best.cpp:[[@LINE-5]]:3: remark: loop not parallelized: the loop compares a 'long' with 't.d' of type 'double', which the tree's comparisons of kept values would change [purecc-missed-reduction]
  std::printf("refused: %ld %ld %ld\n", r.i, loud.i, t.i);
  // OUT-NEXT: refused: 3 3 0
}
