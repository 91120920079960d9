// What names the place code is written in gives another value once the
// code moves into a task (adv22 F5): '__builtin_FUNCTION()' and
// 'std::source_location::current()' name the function ("operator()" in the
// rewritten loop; '__builtin_COLUMN()', which g++ 12 lacks, the column the
// rewrite moves), also as a default argument of a function the loop calls, which is
// evaluated where the call is written (two such loops were rewritten and
// printed other sums). A macro that expands to '__func__' is named as the
// macro, not as an assert ("whose message"). The line and the file stay
// what they were ('#line' directives), so '__builtin_LINE()' and
// '__builtin_FILE()' are no obstacle.
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <cstring>
#include <source_location>

#define NAME_LEN ((long)std::strlen(__func__))
#define HERE __builtin_FUNCTION()

[[pure]] long heavy(long i) {
  long r = i;
  for (int k = 0; k < 3000; ++k)
    r = (r * 2654435761L + k) % 1000003;
  return r;
}

[[pure]] long withFn(long i, const char *f = __builtin_FUNCTION()) {
  return heavy(i) + (long)std::strlen(f);
}
// (The harness builds the serial program another way: the length of
// main's name as the library spells it is not compared.)
[[pure]] long withCurrent(long i, const char *f = std::source_location::current().function_name()) {
  return heavy(i) + (long)(std::strlen(f) > 4);
}
[[pure]] long withLine(long i, unsigned l = __builtin_LINE()) { return heavy(i) + l; }

int main(int argc, char **) {
  const long n = 2000 + argc;
  long s = 0;
  // REMARK: unmovable-source-locations.cpp:[[@LINE+1]]:3: remark: loop not parallelized: the loop body uses 'NAME_LEN', which expands to '__func__', which names the function it is written in [purecc-missed-reduction]
  for (long i = 0; i < n; ++i)
    s += heavy(i) + NAME_LEN;
  std::printf("A %ld\n", s);
  s = 0;
  // REMARK: unmovable-source-locations.cpp:[[@LINE+1]]:3: remark: loop not parallelized: the loop body uses '__builtin_FUNCTION()', which names the function it is written in [purecc-missed-reduction]
  for (long i = 0; i < n; ++i)
    s += heavy(i) + (long)std::strlen(__builtin_FUNCTION());
  std::printf("B %ld\n", s);
  s = 0;
  // REMARK: unmovable-source-locations.cpp:[[@LINE+1]]:3: remark: loop not parallelized: the loop body uses 'HERE', which expands to '__builtin_FUNCTION()', which names the function it is written in [purecc-missed-reduction]
  for (long i = 0; i < n; ++i)
    s += heavy(i) + (long)std::strlen(HERE);
  std::printf("C %ld\n", s);
  s = 0;
  // REMARK: unmovable-source-locations.cpp:[[@LINE+1]]:3: remark: loop not parallelized: the loop body uses 'std::source_location::current()', which names the function it is written in [purecc-missed-reduction]
  for (long i = 0; i < n; ++i)
    s += heavy(i) + (long)std::source_location::current().line();
  std::printf("E %ld\n", s);
  s = 0;
  // REMARK: unmovable-source-locations.cpp:[[@LINE+1]]:3: remark: loop not parallelized: the loop body uses 'std::source_location::current()', which names the function it is written in [purecc-missed-reduction]
  for (long i = 0; i < n; ++i)
    s += heavy(i) + (long)(std::strlen(std::source_location::current().function_name()) > 4);
  std::printf("F %ld\n", s);
  s = 0;
  // REMARK: unmovable-source-locations.cpp:[[@LINE+1]]:3: remark: loop not parallelized: the loop body uses 'withFn', whose default argument uses '__builtin_FUNCTION()', which names the function the call is written in [purecc-missed-reduction]
  for (long i = 0; i < n; ++i)
    s += withFn(i);
  std::printf("G %ld\n", s);
  s = 0;
  // REMARK: unmovable-source-locations.cpp:[[@LINE+1]]:3: remark: loop not parallelized: the loop body uses 'withCurrent', whose default argument uses 'std::source_location::current()', which names the function the call is written in [purecc-missed-reduction]
  for (long i = 0; i < n; ++i)
    s += withCurrent(i);
  std::printf("I %ld\n", s);
  s = 0;
  // REMARK: unmovable-source-locations.cpp:[[@LINE+1]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  for (long i = 0; i < n; ++i)
    s += withLine(i) + __builtin_LINE() + (long)std::strlen(__builtin_FILE());
  std::printf("J %ld\n", s);
  return 0;
}

// OUT: A 1002556739
// OUT-NEXT: B 1002556739
// OUT-NEXT: C 1002556739
// OUT-NEXT: E {{[0-9]+}}
// OUT-NEXT: F {{[0-9]+}}
// OUT-NEXT: G 1002556739
// OUT-NEXT: I {{[0-9]+}}
// OUT-NEXT: J {{[0-9]+}}
