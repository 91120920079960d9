// An address that escapes only after a loop cannot be used while the loop
// runs: the loop is still a map (or reduction). An escape before the loop,
// or inside a loop around it (whose next round runs the loop again), still
// keeps it serial.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

[[pure]] long tag(long i) {
  long s = 0;
  for (long k = 0; k < 60; ++k)
    s += (i * 7919 + k * 31) % 1009;
  return s;
}

void shuffle(long *first, long *last) { std::reverse(first, last); }
// Keeps the address of what it is given (a function that only writes it
// is no escape: escapes-kept-parameters.cpp).
long *g_bumped;
void bump(long &x) {
  x += 1;
  g_bumped = &x;
}

int main(int argc, char **) {
  std::vector<long> words(3000 + argc);
  for (std::size_t i = 0; i < words.size(); ++i)
    words[i] = tag(static_cast<long>(i));
  // CHECK: {{^}}  ::purecc::parallel_for(0, static_cast<std::int64_t>(words.size()),
  // REMARK: escapes-after-loop.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel map over 'words' [purecc-parallel-map]
  shuffle(words.data(), words.data() + words.size());
  std::sort(words.begin(), words.end());
  std::printf("words: %ld %ld %ld\n", words[0], words[1500], words.back());
  // OUT: words: 27627 30240 32853

  long total = 0;
  for (long i = 0; i < 3000 + argc; ++i)
    total += tag(i);
  // REMARK: escapes-after-loop.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'total' [purecc-reduction]
  bump(total);
  std::printf("total: %ld\n", total);
  // OUT-NEXT: total: 90750133

  // Escaped before the loop: serial.
  std::vector<long> early(2000);
  long *p = early.data();
  for (int i = 0; i < 2000; ++i)
    early[i] = tag(i);
  // REMARK: escapes-after-loop.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'early' escapes ('early.data()' on line [[@LINE-3]]) [purecc-missed-map]
  std::printf("early: %ld\n", p[7]);
  // OUT-NEXT: early: 27943

  // Escaped after the loop, but inside a loop around it: serial.
  long again = 0;
  for (int round = 0; round < 2; ++round) {
    // REMARK: escapes-after-loop.cpp:[[@LINE-1]]:3: remark: loop not parallelized: 'again' is written inside the loop body ('again += tag(i + round)') and read there ('bump(again)'): each iteration would read a partial value instead of the one the iterations before it left [purecc-missed-reduction]
    for (long i = 0; i < 2000 + argc; ++i)
      again += tag(i + round);
    // REMARK: escapes-after-loop.cpp:[[@LINE-2]]:5: remark: loop not parallelized: the address of 'again' escapes [purecc-missed-reduction]
    bump(again);
  }
  std::printf("again: %ld\n", again);
  // OUT-NEXT: again: 121017146
  return 0;
}
