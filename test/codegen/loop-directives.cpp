// Preprocessor directives inside a loop (adv22 F6): a body whose ';' comes
// after '#else' ... '#endif' was "written in a macro" (there was none). A
// rewritten loop keeps the text between its header and its body's end,
// directives and branches not compiled included, so the rewritten file
// compiled under the same command line compiles the same branches; each
// conditional must lie wholly inside that text (the rewrite ends the loop
// at the body's end, and a strided loop's serial branch is a copy of it).
// The program is rewritten and run with each branch compiled (FLAG=1,
// FLAG=0); the remarks are those of FLAG=1.
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 -DFLAG=1 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: env E2E_CPPFLAGS=-DFLAG=1 %e2e %s %t.1 | FileCheck %s --check-prefix=OUT1
// RUN: env E2E_CPPFLAGS=-DFLAG=0 %e2e %s %t.0 | FileCheck %s --check-prefix=OUT0

#include <cstdio>
#include <vector>

[[pure]] long heavy(long i) {
  long r = i;
  for (int k = 0; k < 3000; ++k)
    r = (r * 2654435761L + k) % 1000003;
  return r;
}

int main(int argc, char **) {
  const long n = 2000 + argc;
  long s = 0;
  // REMARK: loop-directives.cpp:[[@LINE+1]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  for (long i = 0; i < n; ++i)
#if FLAG
    s += heavy(i)
#else
    s += 2 * heavy(i)
#endif
    ;
  std::printf("A %ld\n", s);
  s = 0;
  // REMARK: loop-directives.cpp:[[@LINE+1]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  for (long i = 0; i < n; ++i) {
#ifdef EXTRA
    s += 1;
#elif FLAG
    s += heavy(i) % 7;
#else
    s += heavy(i) % 5;
#endif
  }
  std::printf("B %ld\n", s);
  s = 0;
  // REMARK: loop-directives.cpp:[[@LINE+1]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  for (long i = 0; i < n; ++i) {
#pragma GCC diagnostic push
#define TWICE(x) (2 * (x))
    s += TWICE(heavy(i));
#undef TWICE
#pragma GCC diagnostic pop
  }
  std::printf("C %ld\n", s);
  // A step that is no constant: the serial branch copies the loop, and
  // its conditional with it.
  long step = 1 + argc / 2, t = 0;
  // REMARK: loop-directives.cpp:[[@LINE+1]]:3: remark: loop rewritten as a parallel reduction of 't' [purecc-reduction]
  for (long i = 0; i < n; i += step)
#if FLAG
    t += heavy(i)
#else
    t -= heavy(i)
#endif
    ;
  std::printf("D %ld\n", t);
  std::vector<long> v(n);
  // REMARK: loop-directives.cpp:[[@LINE+1]]:3: remark: loop not parallelized: the loop body holds a preprocessor conditional ('#if' on line [[@LINE+2]]) that ends after the loop, which the rewritten loop would split [purecc-missed-map]
  for (long i = 0; i < n; ++i)
#if FLAG
    v[i] = heavy(i);
#else
    v[i] = heavy(i) + 1;
#endif
  long h = 0;
  for (long e : v)
    h = h * 31 + e;
  std::printf("E %ld\n", h);
  s = 0;
#if FLAG
  // REMARK: loop-directives.cpp:[[@LINE+1]]:3: remark: loop not parallelized: the loop body holds a preprocessor directive ('#else' on line [[@LINE+3]]) of a conditional that begins before the loop, which the rewritten loop would split [purecc-missed-reduction]
  for (long i = 0; i < n; ++i) {
    s += heavy(i);
#else
  for (long i = 0; i < n; ++i) {
    s -= heavy(i);
#endif
  }
  std::printf("F %ld\n", s);
  s = 0;
  // REMARK: loop-directives.cpp:[[@LINE+1]]:3: remark: loop not parallelized: the loop's header contains a preprocessor directive ('#if' on line [[@LINE+2]]), which the rewritten header would drop [purecc-missed-reduction]
  for (long i = 0;
#if FLAG
       i < n;
#else
       i < n / 2;
#endif
       ++i)
    s += heavy(i);
  std::printf("G %ld\n", s);
  s = 0;
  // REMARK: loop-directives.cpp:[[@LINE+1]]:3: remark: loop not parallelized: the ';' that ends the loop body follows a preprocessor conditional ('#if' on line [[@LINE+3]]) that begins after the body's expression, so which ';' is compiled is not known [purecc-missed-reduction]
  for (long i = 0; i < n; ++i)
    s += heavy(i)
#if FLAG
    ;
#else
    ;
#endif
  std::printf("H %ld\n", s);
  return 0;
}

// OUT1: A 1002548735
// OUT1-NEXT: B 6005
// OUT1-NEXT: C 2005097470
// OUT1-NEXT: D 1002548735
// OUT1-NEXT: E 8894791174174296949
// OUT1-NEXT: F 1002548735
// OUT1-NEXT: G 1002548735
// OUT1-NEXT: H 1002548735
// OUT0: A 2005097470
// OUT0-NEXT: B 3975
// OUT0-NEXT: C 2005097470
// OUT0-NEXT: D -1002548735
// OUT0-NEXT: E -5806274709896638858
// OUT0-NEXT: F -1002548735
// OUT0-NEXT: G 498338847
// OUT0-NEXT: H 1002548735
