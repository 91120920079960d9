// argmin/argmax whose payloads are objects: a std::string, a struct, a
// std::vector, a struct holding a string (its copies are the compiler's
// memberwise ones). The leaves copy the payloads; the loop's choice (first
// or last of equal values, +0.0 == -0.0, NaN never selected) is kept, for
// 0, 1 and 1025 iterations, counting down and with `continue`. A payload
// whose copy runs the user's code stays serial.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

struct Point {
  double x, y;
};
struct Named {
  std::string name;
  long id;
};
struct Tracked {
  long id = 0;
  Tracked() = default;
  Tracked(const Tracked &o) : id(o.id) { std::puts("copied"); }
  Tracked &operator=(const Tracked &o) {
    id = o.id;
    return *this;
  }
};

// i % 7 == 3: the minimum, -0.0 or +0.0 alternating; i % 11 == 5: NaN.
[[pure]] double dist(long i) {
  if (i % 11 == 5) return std::sqrt(-1.0 - double(i % 2));
  if (i % 7 == 3) return (i / 7) % 2 ? 0.0 : -0.0;
  return 1.0 + double((i * 7919) % 1000);
}
[[pure]] std::string label(long i) { return "item-" + std::to_string(i); }
[[pure]] Point where(long i) { return {double(i) * 0.5, -double(i)}; }
[[pure]] std::vector<double> coords_of(long i) {
  Point p = where(i);
  return {p.x, p.y};
}

void show(const char *what, double v, const std::string &s) {
  std::printf("%s %a %s\n", what, v, s.c_str());
}

// One run of each loop over n = 0, 1, 1025 elements.
void run(long n, const std::vector<std::string> &names) {
  double best = HUGE_VAL;
  std::string name = "none";
  for (long i = 0; i < n; ++i) {
    double d = dist(i);
    if (d < best) {
      best = d;
      name = names[i];
    }
  }
  // CHECK: {{^}}  { using purecc_a0_t = ::purecc::selection_records<std::less<>, double, double>; ::purecc::selection_stop purecc_a0_stop; auto purecc_a0_all = ::purecc::parallel_reduce(0, n, purecc_a0_t{}, [&](std::int64_t i) -> purecc_a0_t { purecc_a0_t purecc_a0_one; if (purecc_a0_stop.passed(i)) return purecc_a0_one; try { {
  // CHECK: {{^}}    purecc_a0_one.add(i, (d), d);
  // CHECK: if (purecc_a0_r.key < best) { {{\[\[}}__maybe_unused__{{\]\]}} const std::int64_t i = purecc_a0_r.at; double d = std::get<0>(std::move(purecc_a0_r.carried)); {{$}}
  // CHECK: {{^}}      best = d;
  // CHECK-NEXT: {{^}}      name = names[i];
  // REMARK: argminmax-payloads.cpp:[[@LINE-12]]:3: remark: loop rewritten as a parallel selection of 'best' with 'name' (the first of equal values kept, as in the loop) [purecc-selection]
  std::printf("n=%ld ", n);
  show("first:", best, name);

  // `>=` keeps the last of equal values; counting down, the last is the
  // lowest index (3, of 3, 17, 31, ... whose -dist are all +0.0); odd only.
  double worst = -HUGE_VAL;
  std::string wname = "none";
  Point at{-1, -1};
  for (long i = n - 1; i >= 0; --i) {
    if (i % 2 == 0)
      continue;
    if (-dist(i) >= worst) {
      worst = -dist(i);
      wname = names[i];
      at = where(i);
    }
  }
  // REMARK: argminmax-payloads.cpp:[[@LINE-9]]:3: remark: loop rewritten as a parallel selection of 'worst' with 'wname' and 'at' (the last of equal values kept, as in the loop) [purecc-selection]
  show("last, down, odd:", worst, wname);
  std::printf("at %g %g\n", at.x, at.y);
}

int main(int argc, char **) {
  std::vector<std::string> names;
  for (long i = 0; i < 1025; ++i)
    names.push_back(label(i));
  // REMARK: argminmax-payloads.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel concatenation onto 'names' (the pieces kept in the loop's order) [purecc-concatenation]
  run(0, names);
  run(1, names);
  run(1024 + argc, names);
  // OUT:      n=0 first: inf none
  // OUT-NEXT: last, down, odd: -inf none
  // OUT-NEXT: at -1 -1
  // OUT-NEXT: n=1 first: 0x1p+0 item-0
  // OUT-NEXT: last, down, odd: -inf none
  // OUT-NEXT: at -1 -1
  // OUT-NEXT: n=1025 first: -0x0p+0 item-3
  // OUT-NEXT: last, down, odd: 0x0p+0 item-3
  // OUT-NEXT: at 1.5 -3

  // A struct holding a string, and a vector; `<=` keeps the last of the
  // minima -0.0 (1011) and +0.0 (1018).
  long n = 1024 + argc;
  double lo = HUGE_VAL;
  Named who{"nobody", -1};
  std::vector<double> coords;
  for (long i = 0; i < n; ++i) {
    double d = dist(i);
    if (d <= lo) {
      lo = d;
      who = Named{names[i], i};
      coords = coords_of(i);
    }
  }
  // REMARK: argminmax-payloads.cpp:[[@LINE-8]]:3: remark: loop rewritten as a parallel selection of 'lo' with 'who' and 'coords' (the last of equal values kept, as in the loop) [purecc-selection]
  show("struct, vector:", lo, who.name);
  std::printf("%ld %g %g\n", who.id, coords.at(0), coords.at(1));
  // OUT-NEXT: struct, vector: 0x0p+0 item-1018
  // OUT-NEXT: 1018 509 -1018

  // A payload whose copy runs the user's code stays serial.
  double tbest = HUGE_VAL;
  Tracked t;
  std::vector<Tracked> ts(8);
  for (long i = 0; i < 8; ++i) {
    double d = dist(i);
    if (d < tbest) {
      tbest = d;
      t = ts[static_cast<std::size_t>(i)];
    }
  }
  // REMARK: argminmax-payloads.cpp:[[@LINE-7]]:3: remark: loop not parallelized: 't' has type 'Tracked', which has a user-provided 'operator=': the selection's private copies would run code the loop does not [purecc-missed-reduction]
  std::printf("tracked: %a %ld\n", tbest, t.id);
  // OUT-NEXT: tracked: -0x0p+0 0
}
