// A memoized function that reads a global whose dynamic initializer calls
// a function that is not pure (the environment, the clock, a file, rand) is
// an error: the key holds the initializer's text, not the value another run
// computes (adv24 F1: the disk tier served run 1's answer with another
// environment). Everyday initializers (constants, a string, a pure
// make_weights(), std::sqrt) stay memoizable: no error for 'ok1'.
// RUN: not %purecc rewrite %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=note:
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <utility>
#include <vector>

const long K = std::getenv("K") ? std::atol(std::getenv("K")) : 3;
// CHECK: memo-startup-globals.cpp:[[@LINE+2]]:9: error: cannot memoize 'm1': it reads 'K', whose initializer calls 'std::getenv': its value may differ between runs [purecc-memo-unsupported]
// CHECK: note: 'std::getenv' is called here when the program starts
[[pure, purecc::memo]] long m1(long x) { return K * x; }

const std::string NAME = std::getenv("N") ? std::getenv("N") : "abc";
// CHECK: memo-startup-globals.cpp:[[@LINE+2]]:9: error: cannot memoize 'm2': it reads 'NAME', whose initializer calls 'std::getenv': its value may differ between runs [purecc-memo-unsupported]
// CHECK: note: 'std::getenv' is called here when the program starts
[[pure, purecc::memo]] long m2(long x) { return (long)NAME.size() * x + NAME[0]; }

const long T0 = (long)std::time(nullptr) % 2;
[[pure]] long t0() { return T0; }
// CHECK: memo-startup-globals.cpp:[[@LINE+2]]:9: error: cannot memoize 'm3': it reads 'T0', whose initializer calls 'std::time': its value may differ between runs [purecc-memo-unsupported]
// CHECK: note: 'std::time' is called here when the program starts
[[pure, purecc::memo]] long m3(long x) { return t0() + x; }

long fromFile() {
  std::FILE *f = std::fopen("/nonexistent/purecc", "r");
  if (!f) return 0;
  long v = 0;
  if (std::fscanf(f, "%ld", &v) != 1) v = 0;
  std::fclose(f);
  return v;
}
const long CFG = fromFile();
// CHECK: memo-startup-globals.cpp:[[@LINE+2]]:9: error: cannot memoize 'm4': it reads 'CFG', whose initializer calls 'fromFile': its value may differ between runs [purecc-memo-unsupported]
// CHECK: note: 'fromFile' is called here when the program starts
[[pure, purecc::memo]] long m4(long x) { return CFG + x; }

const long K2 = K * 2;
// CHECK: memo-startup-globals.cpp:[[@LINE+2]]:9: error: cannot memoize 'm5': it reads 'K2', computed from 'K', whose initializer calls 'std::getenv': its value may differ between runs [purecc-memo-unsupported]
// CHECK: note: 'std::getenv' is called here when the program starts
[[pure, purecc::memo]] long m5(long x) { return K2 + x; }

struct C { static const long k; };
const long C::k = std::rand() % 7;
// CHECK: memo-startup-globals.cpp:[[@LINE+2]]:9: error: cannot memoize 'm6': it reads 'C::k', whose initializer calls 'std::rand': its value may differ between runs [purecc-memo-unsupported]
// CHECK: note: 'std::rand' is called here when the program starts
[[pure, purecc::memo]] long m6(long x) { return C::k + x; }

// A binding at namespace scope is named by its declaration (its hidden
// variable has no name of its own; it read '' before).
const auto [SB1, SB2] = std::pair<long, long>{std::rand() % 5, 2};
// CHECK: memo-startup-globals.cpp:[[@LINE+2]]:9: error: cannot memoize 'm7': it reads '[SB1, SB2]', whose initializer calls 'std::rand': its value may differ between runs [purecc-memo-unsupported]
// CHECK: note: 'std::rand' is called here when the program starts
[[pure, purecc::memo]] long m7(long x) { return SB1 * SB2 + x; }


const long LW = [] { return std::getenv("W") ? 1L : 2L; }();
// CHECK: memo-startup-globals.cpp:[[@LINE+2]]:9: error: cannot memoize 'm8': it reads 'LW', whose initializer calls 'lambda at line {{[0-9]+}}': its value may differ between runs [purecc-memo-unsupported]
// CHECK: note: 'lambda at line {{[0-9]+}}' is called here when the program starts
[[pure, purecc::memo]] long m8(long x) { return LW + x; }

// A constant computed from a mutable global holds what the initializers
// before it left there, which another initializer may set from the
// environment (adv61 F5's memo analog): its text says nothing of it.
long g_seed = 0;
int bump = (g_seed = std::getenv("SEED") ? std::atol(std::getenv("SEED")) : 1, 0);
const long K3 = g_seed;
const long K5 = K3 * 2;
// CHECK: memo-startup-globals.cpp:[[@LINE+1]]:9: error: cannot memoize 'm9': it reads 'K5', computed from 'g_seed', a mutable variable which any initializer may set at start-up: its value may differ between runs [purecc-memo-unsupported]
[[pure, purecc::memo]] long m9(long x) { return K5 + x; }
struct Cfg { long a; };
Cfg g_cfg{1};
const long K4 = g_cfg.a + 1;
// CHECK: memo-startup-globals.cpp:[[@LINE+1]]:9: error: cannot memoize 'm10': it reads 'K4', computed from 'g_cfg', a mutable variable which any initializer may set at start-up: its value may differ between runs [purecc-memo-unsupported]
[[pure, purecc::memo]] long m10(long x) { return K4 + x; }

// ... also read through a constant pointer.
long g_seed2 = 0;
int bump2 = (g_seed2 = std::getenv("SEED2") ? 2 : 1, 0);
const long *const P2 = &g_seed2;
const long K6 = *P2 + 1;
// CHECK: memo-startup-globals.cpp:[[@LINE+1]]:9: error: cannot memoize 'm11': it reads 'K6', computed from 'g_seed2', a mutable variable which any initializer may set at start-up: its value may differ between runs [purecc-memo-unsupported]
[[pure, purecc::memo]] long m11(long x) { return K6 + x; }

// accepted: where a mutable global lies is not what an initializer sets
long g_a = 0, g_b = 0;
const bool Same = &g_a == &g_b;
[[pure, purecc::memo]] long ok2(long x) { return Same + x; }
std::vector<double> make_weights() { std::vector<double> w; for (int i = 0; i < 4; ++i) w.push_back(i * 0.5); return w; }
[[pure]] std::vector<double> made() { return {1.0, 2.0}; }
const long A = 3;
const std::string S = "abc";
const std::vector<double> W = make_weights();
const std::vector<double> W2 = made();
const double R = std::sqrt(2.0);
const long L = (long)S.size() + A;
const std::vector<long> V{1, 2, 3};
[[pure, purecc::memo]] double ok1(long x) { return A + (double)S.size() + W[1] + W2[0] + R + L + V[2] + x; }
int main() {
  std::printf("%ld %ld %ld %ld %ld %ld %ld %ld %g %ld\n", m1(1), m2(1), m3(1), m4(1), m5(1), m6(1), m7(1),
              m8(1), ok1(1), m9(1) + m10(1) + m11(1) + ok2(1));
}
