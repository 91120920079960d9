// The elements of a std::vector<bool> and of a std::bitset are bits packed
// into shared words: two threads writing two distinct elements write one
// word, a data race. A loop that writes them stays serial with that reason,
// however it reaches the bit (an index, a proxy's flip, a range-for's
// proxy); a loop that only reads them is a reduction like any other.
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <bitset>
#include <cstdio>
#include <vector>

[[pure]] bool pred(long i) {
  long s = 0;
  for (long k = 0; k < 2000; ++k)
    s += (i * k + 7) % 13;
  return s % 3 == 0;
}

int main(int argc, char **) {
  const long n = 1000 + argc;
  std::vector<bool> flags(n);
  for (long i = 0; i < n; ++i)
    flags[i] = pred(i);
  // REMARK: packed-bits.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the elements of 'flags' (a 'std::vector<bool>') share storage [purecc-missed-map]
  for (long i = 0; i < n; ++i)
    if (pred(i + 1))
      flags[i].flip();
  // REMARK: packed-bits.cpp:[[@LINE-3]]:3: remark: loop not parallelized: 'flags' is written inside the loop body ('flags[i].flip()') in a form no transformation recognizes: a map stores one element of it per iteration ('flags[i] = f(i);') [purecc-missed-reduction]
  long c = 0;
  for (long i = 0; i < n; ++i)
    c += flags[i] ? pred(2 * i) : 1;
  // REMARK: packed-bits.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'c' [purecc-reduction]
  // The bound reads only the size, which storing bits leaves as it is: the
  // true reason is the shared words (it was "the bound 'flags' changes
  // inside the loop body"; found by gen_loops.py parts).
  for (std::size_t i = 0; i < flags.size(); ++i)
    flags[i] = !flags[i] != pred(i + 5);
  // REMARK: packed-bits.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the elements of 'flags' (a 'std::vector<bool>') share storage [purecc-missed-map]
  std::bitset<1001> bs;
  for (long i = 0; i < 1001; ++i)
    bs[i] = pred(3 * i);
  // REMARK: packed-bits.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the elements of 'bs' (a 'std::bitset<1001>') share storage [purecc-missed-map]
  long k = 0;
  for (auto &&r : flags)
    r = pred(k++);
  // REMARK: packed-bits.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the range 'flags' is a 'std::vector<bool>', whose elements share storage [purecc-missed-reduction]
  std::vector<char> fc(n);
  for (long i = 0; i < n; ++i)
    fc[i] = pred(i);
  // REMARK: packed-bits.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'fc' [purecc-parallel-map]
  long d = 0;
  for (long i = 0; i < n; ++i)
    d += fc[i] + flags[i];
  // REMARK: packed-bits.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'd' [purecc-reduction]
  std::printf("%ld %zu %ld\n", c, bs.count(), d);
  // OUT: 924 308 616
}
