// A selection runs its block exactly where the serial loop runs it: for the
// records, the terms that beat the best of all earlier terms, in loop order.
// The leaves evaluate only the terms and keep their records with the values
// the block reads; a final serial pass runs the block for those that beat
// the best of everything before them. So a block that throws (the user's
// exception or the library's) throws at the same iteration as the loop, and
// not at all when the loop never runs it for a throwing iteration.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

// Increasing: the serial loop selects only the first term.
[[pure]] double up(long i) {
  double s = 0;
  for (int j = 0; j < 20; ++j)
    s += double((i * j) % 7);
  return double(i) + s * 0.0;
}
// Decreasing: every term is a record.
[[pure]] double down(long i) { return -up(i); }
// Throws for every i but 0.
[[pure]] std::string label(long i) {
  if (i > 0)
    throw std::runtime_error("label " + std::to_string(i));
  return "first";
}
// Throws from `from` on.
[[pure]] long checked(long i, long from) {
  if (i >= from)
    throw std::runtime_error("checked " + std::to_string(i));
  return i;
}
// The term throws at `at`.
[[pure]] double down_until(long i, long at) {
  if (i == at)
    throw std::runtime_error("term " + std::to_string(i));
  return down(i);
}
// Ties everywhere: i % 7 == 3 is -0.0 or +0.0 (alternating), i % 11 == 5
// is NaN, i % 13 == 1 is +inf.
[[pure]] double dist(long i) {
  if (i % 11 == 5) return std::sqrt(-1.0 - double(i % 2));
  if (i % 13 == 1) return HUGE_VAL;
  if (i % 7 == 3) return (i / 7) % 2 ? 0.0 : -0.0;
  return 1.0 + double((i * 7919) % 1000);
}

struct Best {
  double d;
  long i;
  std::string name;
};
struct Pt {
  double d;
  long id;
};

void run(const std::vector<long> &src, long n) {
  // The library's exception: `.at()` past the end, for iterations the
  // serial loop never selects. It throws by its contract, so the loop stays
  // serial as for the user's own throw below (loop-library-throws.cpp).
  double best = HUGE_VAL;
  std::vector<long> bv;
  for (long i = 0; i < n; ++i) {
    double d = up(i);
    if (d < best) {
      best = d;
      bv = {src.at(static_cast<size_t>(i + (i > 4000 ? n : 0)))};
    }
  }
  // CHECK: {{^}}      bv = {src.at(static_cast<size_t>(i + (i > 4000 ? n : 0)))};
  // REMARK: argminmax-records.cpp:[[@LINE-8]]:3: remark: loop not parallelized: 'src.at' may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
  std::printf("%ld at(): %g %ld\n", n, best, bv.at(0));

  // The user's function throws only for iterations the loop never selects
  // (also through a noexcept function: std::terminate otherwise).
  double lo = HUGE_VAL;
  std::string name = "none";
  long arg = -1;
  for (long i = 0; i < n; ++i) {
    double d = up(i);
    if (d < lo) {
      lo = d;
      arg = i;
      name = label(i);
    }
  }
  // REMARK: argminmax-records.cpp:[[@LINE-8]]:3: remark: loop not parallelized: 'label' may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
  std::printf("%ld label: %g %ld %s\n", n, lo, arg, name.c_str());

  // It throws at a record: the loop's exception, at the loop's iteration;
  // the records after it never run their block.
  try {
    double hi = HUGE_VAL;
    long at = -1;
    for (long i = 0; i < n; ++i) {
      double d = down(i);
      if (d < hi) {
        hi = d;
        at = checked(i, 3000);
      }
    }
    // REMARK: argminmax-records.cpp:[[@LINE-7]]:5: remark: loop not parallelized: 'checked' may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
    std::printf("%ld record: %g %ld\n", n, hi, at);
  } catch (const std::exception &e) {
    std::printf("%ld record: caught %s\n", n, e.what());
  }
  // The term throws too: the first exception in loop order escapes, the
  // block's at 3000 before the term's at 3500, the term's at 2500 before the
  // block's at 3000.
  for (long term_at : {3500L, 2500L}) {
    try {
      double hi = HUGE_VAL;
      long at = -1;
      for (long i = 0; i < n; ++i) {
        double d = down_until(i, term_at);
        if (d < hi) {
          hi = d;
          at = checked(i, 3000);
        }
      }
      // REMARK: argminmax-records.cpp:[[@LINE-11]]:3: remark: loop not parallelized: the range is not a named array or random-access standard container [purecc-missed-reduction]
      // REMARK: argminmax-records.cpp:[[@LINE-8]]:7: remark: loop not parallelized: 'down_until' may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
      std::printf("%ld term %ld: %g %ld\n", n, term_at, hi, at);
    } catch (const std::exception &e) {
      std::printf("%ld term %ld: caught %s\n", n, term_at, e.what());
    }
  }

  // Ties, NaN, +-0 and +inf with payloads computed in the block from what
  // the body computed: `<` keeps the first of equal terms, `>=` the last.
  double first = HUGE_VAL, last = -HUGE_VAL;
  std::string first_tag = "-", last_tag = "-";
  for (long i = 0; i < n; ++i) {
    double d = dist(i);
    std::string tag = "item-" + std::to_string(i);
    if (d < first) {
      first = d;
      first_tag = tag + (std::signbit(d) ? "-" : "+");
    }
  }
  // REMARK: argminmax-records.cpp:[[@LINE-8]]:3: remark: loop rewritten as a parallel selection of 'first' with 'first_tag' (the first of equal values kept, as in the loop) [purecc-selection]
  for (long i = 0; i < n; ++i) {
    double d = -dist(i);
    if (last <= d) {
      last = d;
      last_tag = "item-" + std::to_string(i);
    }
  }
  // REMARK: argminmax-records.cpp:[[@LINE-7]]:3: remark: loop rewritten as a parallel selection of 'last' with 'last_tag' (the last of equal values kept, as in the loop) [purecc-selection]
  std::printf("%ld ties: %a %s %a %s\n", n, first, first_tag.c_str(), last, last_tag.c_str());

  // A struct best set whole, counting down with `continue`.
  Best b{HUGE_VAL, -1, "none"};
  for (long i = n - 1; i >= 0; --i) {
    if (i % 3 == 0)
      continue;
    double d = dist(i);
    if (d <= b.d)
      b = {d, i, "at-" + std::to_string(checked(i, n))};
  }
  // REMARK: argminmax-records.cpp:[[@LINE-7]]:3: remark: loop not parallelized: 'checked' may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
  std::printf("%ld struct: %a %ld %s\n", n, b.d, b.i, b.name.c_str());

  // A range-for whose block reads the element, and a reference the body
  // binds (carried as a copy of what it names).
  std::vector<Pt> pts;
  for (long i = 0; i < n; ++i)
    pts.push_back({dist(i), i});
  // REMARK: argminmax-records.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel concatenation onto 'pts' (the pieces kept in the loop's order) [purecc-concatenation]
  double near_d = HUGE_VAL;
  Pt near{0, -1};
  long near_id = -1;
  for (const Pt &p : pts) {
    const Pt &q = p;
    if (q.d < near_d) {
      near_d = q.d;
      near = q;
      near_id = checked(p.id, n);
    }
  }
  // REMARK: argminmax-records.cpp:[[@LINE-8]]:3: remark: loop not parallelized: 'checked' may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
  std::printf("%ld range-for: %a %ld %ld\n", n, near_d, near.id, near_id);

  // The final pass declares the carried locals as the body does: 'const',
  // and a reference to 'const' (adv41 t01: `const double d` became a
  // plain 'double').
  double cd = HUGE_VAL;
  long kinds = -1;
  for (long i = 0; i < n; ++i) {
    const double d = dist(i);
    const std::string &tag = src.empty() ? first_tag : last_tag;
    if (d < cd) {
      cd = d;
      kinds = std::is_const_v<decltype(d)> + 10 * std::is_reference_v<decltype(tag)> +
              100 * std::is_const_v<std::remove_reference_t<decltype(tag)>> + 1000 * i;
    }
  }
  // CHECK: if (purecc_a{{[0-9]+}}_r.key < cd) { {{\[\[}}__maybe_unused__{{\]\]}} const std::int64_t i = purecc_a{{[0-9]+}}_r.at; const double d = std::get<0>(std::move(purecc_a{{[0-9]+}}_r.carried)); const std::string &tag = std::get<1>(purecc_a{{[0-9]+}}_r.carried);
  // REMARK: argminmax-records.cpp:[[@LINE-10]]:3: remark: loop rewritten as a parallel selection of 'cd' with 'kinds' (the first of equal values kept, as in the loop) [purecc-selection]
  std::printf("%ld declared: %a %ld\n", n, cd, kinds);
}

int main() {
  std::vector<long> src;
  for (long i = 0; i < 5000; ++i)
    src.push_back(i * 10);
  // REMARK: argminmax-records.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel concatenation onto 'src' (the pieces kept in the loop's order) [purecc-concatenation]
  for (long n : {1L, 2L, 1025L, 5000L})
    run(src, n);
}
// OUT: 1 at(): 0 0
// OUT-NEXT: 1 label: 0 0 first
// OUT-NEXT: 1 record: -0 0
// OUT-NEXT: 1 term 3500: -0 0
// OUT-NEXT: 1 term 2500: -0 0
// OUT-NEXT: 1 ties: 0x1p+0 item-0+ -0x1p+0 item-0
// OUT-NEXT: 1 struct: inf -1 none
// OUT-NEXT: 1 range-for: 0x1p+0 0 0
// OUT-NEXT: 1 declared: 0x1p+0 111
// OUT-NEXT: 2 at(): 0 0
// OUT-NEXT: 2 label: 0 0 first
// OUT-NEXT: 2 record: -1 1
// OUT-NEXT: 2 term 3500: -1 1
// OUT-NEXT: 2 term 2500: -1 1
// OUT-NEXT: 2 ties: 0x1p+0 item-0+ -0x1p+0 item-0
// OUT-NEXT: 2 struct: inf 1 at-1
// OUT-NEXT: 2 range-for: 0x1p+0 0 0
// OUT-NEXT: 2 declared: 0x1p+0 111
// OUT-NEXT: 1025 at(): 0 0
// OUT-NEXT: 1025 label: 0 0 first
// OUT-NEXT: 1025 record: -1024 1024
// OUT-NEXT: 1025 term 3500: -1024 1024
// OUT-NEXT: 1025 term 2500: -1024 1024
// OUT-NEXT: 1025 ties: -0x0p+0 item-3- -0x0p+0 item-1018
// OUT-NEXT: 1025 struct: 0x0p+0 10 at-10
// OUT-NEXT: 1025 range-for: -0x0p+0 3 3
// OUT-NEXT: 1025 declared: -0x0p+0 3111
// OUT-NEXT: 5000 at(): 0 0
// OUT-NEXT: 5000 label: 0 0 first
// OUT-NEXT: 5000 record: caught checked 3000
// OUT-NEXT: 5000 term 3500: caught checked 3000
// OUT-NEXT: 5000 term 2500: caught term 2500
// OUT-NEXT: 5000 ties: -0x0p+0 item-3- -0x0p+0 item-4994
// OUT-NEXT: 5000 struct: 0x0p+0 10 at-10
// OUT-NEXT: 5000 range-for: -0x0p+0 3 3
// OUT-NEXT: 5000 declared: -0x0p+0 3111
