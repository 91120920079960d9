// A selection runs the block that updates the best only for the loop's
// records, in loop order (argminmax-records.cpp): code in it that throws
// for iterations the loop never selects is never run for them; but a body
// that may throw keeps the loop serial all the same (the speculation rule,
// loop-may-throw.cpp: `label`, a noexcept `quiet` a throw would escape
// from, `.at()`), and the remarks say so. Where
// the block reads what the leaves cannot carry to that final pass (a
// pointer the body computed), the leaves run the block themselves, for
// every term that beats their own best: then code in it that may throw
// keeps the loop serial; `.at()` there throws by its contract, which the
// speculation rule counts first (loop-library-throws.cpp). So does a call
// there to a function of the user's (adv34 t02: `weigh`, which takes hours
// for the terms the serial loop never selects), and an integer division
// there (adv35 t04: by zero for those terms), and the library's code handed
// a pointer the body computed (adv39 t01: `std::strlen(p)` with a null 'p'
// for those terms): the serial loop evaluates them for its records only.
// So does floating-point arithmetic, and a floating-point value the body
// computed handed to the library (adv41 t02: `1.0 / scale` and
// `std::log(scale)` raise FE_DIVBYZERO for those terms, which
// the program tests after the loop, or traps on).
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cfenv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <utility>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

[[pure]] double cost(long i) {
  double s = 0;
  for (int j = 0; j < 20; ++j)
    s += double((i * j) % 7);
  return double(i) + s * 0.0; // increasing: the serial loop keeps the first term
}
// Throws for every term but the first, which the serial loop never selects.
[[pure]] std::string label(long i) {
  if (i > 0)
    throw std::runtime_error("label " + std::to_string(i));
  return "first";
}
[[pure]] long checked(long i) {
  if (i > 0)
    throw std::runtime_error("checked " + std::to_string(i));
  return -i;
}
// Quick for 0, the one term the serial loops select; about 10^18 steps for
// any other.
[[pure]] long weigh(long x) {
  long h = x;
  for (long k = 0; k < x * 1000000000000000000L; ++k)
    h = (h * 31 + k) % 1000003;
  return h;
}
// A term and a scale that is 0.0 for every term but the first.
[[pure]] std::pair<double, double> scaled(long i) {
  return {cost(i), i == 0 ? 4.0 : 0.0};
}
// noexcept: a throw out of it would end the program.
[[pure]] long quiet(long i) noexcept { return checked(i); }

std::vector<std::string> names;

void run(long n) {
  try {
    double best = std::numeric_limits<double>::infinity();
    long arg = -1;
    std::string name = "none";
    for (long i = 0; i < n; ++i) {
      double d = cost(i);
      if (d < best) {
        best = d;
        arg = i;
        name = label(i);
      }
    }
    // REMARK: argminmax-throwing-payloads.cpp:[[@LINE-8]]:5: remark: loop not parallelized: 'label' may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
    std::printf("%ld label: %g %ld %s\n", n, best, arg, name.c_str());
  } catch (const std::exception &e) {
    std::printf("%ld label: caught %s\n", n, e.what());
  }
  double lo = std::numeric_limits<double>::infinity();
  long q = 0;
  for (long i = 0; i < n; ++i) {
    double d = cost(i);
    if (d < lo) {
      lo = d;
      q = quiet(i);
    }
  }
  // REMARK: argminmax-throwing-payloads.cpp:[[@LINE-7]]:3: remark: loop not parallelized: 'quiet' (whose body may throw, which its 'noexcept' turns into the end of the program) may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
  std::printf("%ld quiet: %g %ld\n", n, lo, q);
  double top = -std::numeric_limits<double>::infinity();
  std::string at = "none";
  for (long i = 0; i < n; ++i) {
    double d = cost(i);
    if (d >= top) {
      top = d;
      at = names[static_cast<size_t>(i)];
    }
  }
  // REMARK: argminmax-throwing-payloads.cpp:[[@LINE-7]]:3: remark: loop rewritten as a parallel selection of 'top' with 'at' (the last of equal values kept, as in the loop) [purecc-selection]
  std::printf("%ld names: %g %s\n", n, top, at.c_str());
  // The block reads a pointer the body computed: the leaves would run it
  // for terms the serial loop never selects, where the pointer may be null
  // (adv36 t01).
  double near = std::numeric_limits<double>::infinity();
  std::string who = "none";
  for (long i = 0; i < n; ++i) {
    double d = cost(i);
    const std::string *p = &names[static_cast<size_t>(i)];
    if (d < near) {
      near = d;
      who = *p;
    }
  }
  // REMARK: argminmax-throwing-payloads.cpp:[[@LINE-8]]:3: remark: loop not parallelized: the parallel selection runs the block that updates 'near' for iterations the serial loop never selects, and '*p' in it may read where no object is there (the block that updates 'near' reads 'p' of type 'const std::string *', which the leaf cannot carry to the final pass as a plain value) [purecc-missed-reduction]
  std::printf("%ld pointer: %g %s\n", n, near, who.c_str());
  double far = std::numeric_limits<double>::infinity();
  std::string tag = "none";
  for (long i = 0; i < n; ++i) {
    double d = cost(i);
    const std::string *p = &names[static_cast<size_t>(i)];
    if (d < far) {
      far = d;
      tag = names.at(static_cast<size_t>(i + (i > 0 ? n : 0))) + *p;
    }
  }
  // REMARK: argminmax-throwing-payloads.cpp:[[@LINE-8]]:3: remark: loop not parallelized: 'names.at' may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
  std::printf("%ld pointer at(): %g %s\n", n, far, tag.c_str());
  double heavy = std::numeric_limits<double>::infinity();
  long weight = -1;
  for (long i = 0; i < n; ++i) {
    double d = cost(i);
    const std::string *p = &names[static_cast<size_t>(i)];
    if (d < heavy) {
      heavy = d;
      weight = weigh(static_cast<long>(p->size()) - 2 + i);
    }
  }
  // REMARK: argminmax-throwing-payloads.cpp:[[@LINE-8]]:3: remark: loop not parallelized: the parallel selection runs the block that updates 'heavy' for iterations the serial loop never selects, and the call to 'weigh' in it may run long or fail there (the block that updates 'heavy' reads 'p' of type 'const std::string *', which the leaf cannot carry to the final pass as a plain value) [purecc-missed-reduction]
  std::printf("%ld pointer weigh: %g %ld\n", n, heavy, weight);
  // Divides by zero for "n10" and later, which the serial loop never
  // selects (adv35 t04).
  double low = std::numeric_limits<double>::infinity();
  long ratio = 0;
  for (long i = 0; i < n; ++i) {
    double d = cost(i);
    const std::string *p = &names[static_cast<size_t>(i)];
    if (d < low) {
      low = d;
      ratio = 1000 / (static_cast<long>(p->size()) - 3);
    }
  }
  // REMARK: argminmax-throwing-payloads.cpp:[[@LINE-8]]:3: remark: loop not parallelized: the parallel selection runs the block that updates 'low' for iterations the serial loop never selects, and '1000 / (static_cast<long>(p->size()) - 3)' in it may divide by zero there (the block that updates 'low' reads 'p' of type 'const std::string *', which the leaf cannot carry to the final pass as a plain value) [purecc-missed-reduction]
  std::printf("%ld pointer ratio: %g %ld\n", n, low, ratio);
  // A loop in the block whose trip count the body computes: 4e12 steps for
  // every term the serial loop never selects (adv36 t02).
  double first = std::numeric_limits<double>::infinity();
  long mixed = 0;
  for (long i = 0; i < n; ++i) {
    double d = cost(i);
    long reps = i == 0 ? 10 : 4000000000000L;
    if (d < first) {
      first = d;
      unsigned long h = 0;
      for (long k = 0; k < reps; ++k)
        h = h * 31 + static_cast<unsigned long>(k);
      mixed = static_cast<long>(h % 1000);
    }
  }
  // REMARK: argminmax-throwing-payloads.cpp:[[@LINE-11]]:3: remark: loop not parallelized: the parallel selection runs the block that updates 'first' for iterations the serial loop never selects, and the loop in it may run long there (the block that updates 'first' does more than assign it and what goes with it) [purecc-missed-reduction]
  std::printf("%ld block loop: %g %ld\n", n, first, mixed);
  double closest = std::numeric_limits<double>::infinity();
  size_t len = 0;
  for (long i = 0; i < n; ++i) {
    double d = cost(i);
    const char *c = i == 0 ? names[0].c_str() : nullptr;
    if (d < closest) {
      closest = d;
      len = std::strlen(c);
    }
  }
  // REMARK: argminmax-throwing-payloads.cpp:[[@LINE-8]]:3: remark: loop not parallelized: the parallel selection runs the block that updates 'closest' for iterations the serial loop never selects, and 'std::strlen(c)' in it is handed what the loop computes, and may read where no object is, or run long, there (the block that updates 'closest' reads 'c' of type 'const char *', which the leaf cannot carry to the final pass as a plain value) [purecc-missed-reduction]
  std::printf("%ld strlen: %g %zu\n", n, closest, len);
  // A size the body computes, huge for the terms never selected (adv40 t03).
  double nearest = std::numeric_limits<double>::infinity();
  size_t filled = 0;
  for (long i = 0; i < n; ++i) {
    double d = cost(i);
    const std::string *p = &names[static_cast<size_t>(i)];
    unsigned count = i == 0 ? 8u : 4000000000u;
    if (d < nearest) {
      nearest = d;
      filled = std::vector<long>(count, static_cast<long>(p->size())).size();
    }
  }
  // REMARK: argminmax-throwing-payloads.cpp:[[@LINE-9]]:3: remark: loop not parallelized: the parallel selection runs the block that updates 'nearest' for iterations the serial loop never selects, and 'std::vector<long>(count, static_cast<long>(p->size()))' in it is handed what the loop computes, and may read where no object is, or run long, there (the block that updates 'nearest' reads 'p' of type 'const std::string *', which the leaf cannot carry to the final pass as a plain value) [purecc-missed-reduction]
  // A payload of a type without a name (adv40 t04: the leaves wrote
  // 'struct (unnamed struct at ...)').
  double lowest = std::numeric_limits<double>::infinity();
  const std::string *where = nullptr;
  struct {
    long at;
  } pay{-1};
  for (long i = 0; i < n; ++i) {
    double d = cost(i);
    const std::string *p = &names[static_cast<size_t>(i)];
    if (d < lowest) {
      lowest = d;
      where = p;
      pay = {i};
    }
  }
  // REMARK: argminmax-throwing-payloads.cpp:[[@LINE-9]]:3: remark: loop not parallelized: 'pay' has a type without a name, which the selection's private copies would have to write [purecc-missed-reduction]
  std::printf("%ld sizes: %g %zu %ld %s\n", n, nearest, filled, pay.at, where->c_str());
  // The block reads structured bindings (the leaves run it), and divides by
  // a scale the body computes, or takes its logarithm.
  std::feclearexcept(FE_ALL_EXCEPT);
  double fewest = std::numeric_limits<double>::infinity();
  double inverse = 0.0;
  for (long i = 0; i < n; ++i) {
    auto [d, scale] = scaled(i);
    if (d < fewest) {
      fewest = d;
      inverse = 1.0 / scale;
    }
  }
  // REMARK: argminmax-throwing-payloads.cpp:[[@LINE-7]]:3: remark: loop not parallelized: the parallel selection runs the block that updates 'fewest' for iterations the serial loop never selects, and '1.0 / scale' in it may raise a floating-point exception there, which the program's flags and traps would see (the block that updates 'fewest' reads the structured binding 'd') [purecc-missed-reduction]
  double smallest = std::numeric_limits<double>::infinity();
  double logged = 0.0;
  for (long i = 0; i < n; ++i) {
    auto [d, scale] = scaled(i);
    if (d < smallest) {
      smallest = d;
      logged = std::log(scale);
    }
  }
  // REMARK: argminmax-throwing-payloads.cpp:[[@LINE-7]]:3: remark: loop not parallelized: the parallel selection runs the block that updates 'smallest' for iterations the serial loop never selects, and 'std::log(scale)' in it is handed a floating-point value the loop computes, and may raise a floating-point exception there, which the program's flags and traps would see (the block that updates 'smallest' reads the structured binding 'd') [purecc-missed-reduction]
  std::printf("%ld flags: %a %a %a %a divbyzero %d invalid %d\n", n, fewest, inverse, smallest,
              logged, std::fetestexcept(FE_DIVBYZERO) != 0, std::fetestexcept(FE_INVALID) != 0);
}

int main() {
  for (long i = 0; i < 4000; ++i)
    names.push_back("n" + std::to_string(i));
  // REMARK: argminmax-throwing-payloads.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'names' is not a local variable [purecc-missed-reduction]
  for (long n : {1L, 2L, 1025L, 4000L})
    run(n);
}
// OUT: 1 label: 0 0 first
// OUT-NEXT: 1 quiet: 0 0
// OUT-NEXT: 1 names: 0 n0
// OUT-NEXT: 1 pointer: 0 n0
// OUT-NEXT: 1 pointer at(): 0 n0n0
// OUT-NEXT: 1 pointer weigh: 0 0
// OUT-NEXT: 1 pointer ratio: 0 -1000
// OUT-NEXT: 1 block loop: 0 645
// OUT-NEXT: 1 strlen: 0 2
// OUT-NEXT: 1 sizes: 0 8 0 n0
// OUT-NEXT: 1 flags: 0x0p+0 0x1p-2 0x0p+0 0x1.62e42fefa39efp+0 divbyzero 0 invalid 0
// OUT-NEXT: 2 label: 0 0 first
// OUT-NEXT: 2 quiet: 0 0
// OUT-NEXT: 2 names: 1 n1
// OUT-NEXT: 2 pointer: 0 n0
// OUT-NEXT: 2 pointer at(): 0 n0n0
// OUT-NEXT: 2 pointer weigh: 0 0
// OUT-NEXT: 2 pointer ratio: 0 -1000
// OUT-NEXT: 2 block loop: 0 645
// OUT-NEXT: 2 strlen: 0 2
// OUT-NEXT: 2 sizes: 0 8 0 n0
// OUT-NEXT: 2 flags: 0x0p+0 0x1p-2 0x0p+0 0x1.62e42fefa39efp+0 divbyzero 0 invalid 0
// OUT-NEXT: 1025 label: 0 0 first
// OUT-NEXT: 1025 quiet: 0 0
// OUT-NEXT: 1025 names: 1024 n1024
// OUT-NEXT: 1025 pointer: 0 n0
// OUT-NEXT: 1025 pointer at(): 0 n0n0
// OUT-NEXT: 1025 pointer weigh: 0 0
// OUT-NEXT: 1025 pointer ratio: 0 -1000
// OUT-NEXT: 1025 block loop: 0 645
// OUT-NEXT: 1025 strlen: 0 2
// OUT-NEXT: 1025 sizes: 0 8 0 n0
// OUT-NEXT: 1025 flags: 0x0p+0 0x1p-2 0x0p+0 0x1.62e42fefa39efp+0 divbyzero 0 invalid 0
// OUT-NEXT: 4000 label: 0 0 first
// OUT-NEXT: 4000 quiet: 0 0
// OUT-NEXT: 4000 names: 3999 n3999
// OUT-NEXT: 4000 pointer: 0 n0
// OUT-NEXT: 4000 pointer at(): 0 n0n0
// OUT-NEXT: 4000 pointer weigh: 0 0
// OUT-NEXT: 4000 pointer ratio: 0 -1000
// OUT-NEXT: 4000 block loop: 0 645
// OUT-NEXT: 4000 strlen: 0 2
// OUT-NEXT: 4000 sizes: 0 8 0 n0
// OUT-NEXT: 4000 flags: 0x0p+0 0x1p-2 0x0p+0 0x1.62e42fefa39efp+0 divbyzero 0 invalid 0
