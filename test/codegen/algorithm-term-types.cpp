// std::reduce and std::transform_reduce may combine two terms before
// either meets the running total: libstdc++ folds four at a time, and a
// transparent operation (std::plus<>, the default) adds two 'unsigned'
// terms in 'unsigned', wrapping, before the sum is widened to the
// 'unsigned long' total. The tree would convert each term first, a
// different sum even at one thread (adv36 t05). Such calls stay serial; a
// typed operation (std::plus<unsigned long>) converts its operands itself,
// and terms of the total's own type have nothing to convert. Signed terms
// are no concern (reductions.cpp): their pair sums are exact or overflow,
// which is undefined in the serial program.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <functional>
#include <numeric>
#include <vector>

[[pure]] unsigned heavy(unsigned x) {
  unsigned long h = x;
  for (int k = 0; k < 20000; ++k)
    h = h * 6364136223846793005UL + 1442695040888963407UL;
  return 0xF0000000u | (unsigned)(h >> 40);
}
[[pure]] unsigned long wide(unsigned x) { return heavy(x); }

int main(int argc, char **) {
  std::vector<unsigned> v(4000);
  std::iota(v.begin(), v.end(), 0u);
  unsigned long a = std::transform_reduce(v.begin(), v.end(), 0UL, std::plus<>(), heavy);
  // CHECK: algorithm-term-types.cpp:[[@LINE-1]]:21: remark: call to 'std::transform_reduce' not parallelized: 'std::transform_reduce' may combine two terms of type 'unsigned int' before it converts them to the 'unsigned long' of its result, a grouping the parallel reduction would not keep [purecc-missed-algorithm]
  unsigned long b = std::transform_reduce(v.begin(), v.end(), 0UL, std::plus<unsigned long>(), heavy);
  // CHECK: algorithm-term-types.cpp:[[@LINE-1]]:21: remark: call to 'std::transform_reduce' rewritten as a parallel reduction [purecc-parallel-algorithm]
  unsigned long c = std::transform_reduce(v.begin(), v.end(), 0UL, std::plus<>(), wide);
  // CHECK: algorithm-term-types.cpp:[[@LINE-1]]:21: remark: call to 'std::transform_reduce' rewritten as a parallel reduction [purecc-parallel-algorithm]
  std::vector<unsigned> w(300000);
  for (unsigned i = 0; i < w.size(); ++i)
    w[i] = 0xF0000000u + i * (unsigned)argc;
  unsigned long d = std::reduce(w.begin(), w.end(), 0UL);
  // CHECK: algorithm-term-types.cpp:[[@LINE-1]]:21: remark: call to 'std::reduce' not parallelized: 'std::reduce' may combine two terms of type 'unsigned int' before it converts them to the 'unsigned long' of its result, a grouping the parallel reduction would not keep [purecc-missed-algorithm]
  unsigned e = std::reduce(w.begin(), w.end());
  // CHECK: algorithm-term-types.cpp:[[@LINE-1]]:16: remark: call to 'std::reduce' rewritten as a parallel reduction [purecc-parallel-algorithm]
  std::printf("%lu %lu %lu %lu %u\n", a, b, c, d, e);

  // A typed operation of another type than the total converts the total
  // and the term to its own type at every step (above 2^53 a 'double'
  // rounds each partial sum; 'unsigned short' wraps it), which the tree,
  // adding in the total's type, would not (adv38 t06).
  std::vector<long> big(4000);
  for (long i = 0; i < 4000; ++i)
    big[static_cast<unsigned long>(i)] = ((long)wide((unsigned)i) << 14) + i;
  // CHECK: algorithm-term-types.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'big' [purecc-parallel-map]
  long f = std::accumulate(big.begin(), big.end(), 0L, std::plus<double>());
  // CHECK: algorithm-term-types.cpp:[[@LINE-1]]:12: remark: call to 'std::accumulate' not parallelized: 'std::plus<double>' computes in 'double', converting the 'long' total at every step, which the parallel reduction would not do [purecc-missed-algorithm]
  long g = std::reduce(big.begin(), big.end(), 0L, std::plus<double>());
  // CHECK: algorithm-term-types.cpp:[[@LINE-1]]:12: remark: call to 'std::reduce' not parallelized: 'std::plus<double>' computes in 'double', converting the 'long' total at every step, which the parallel reduction would not do [purecc-missed-algorithm]
  long h = std::transform_reduce(v.begin(), v.end(), 0L, std::plus<unsigned short>(), wide);
  // CHECK: algorithm-term-types.cpp:[[@LINE-1]]:12: remark: call to 'std::transform_reduce' not parallelized: 'std::plus<unsigned short>' computes in 'unsigned short', converting the 'long' total at every step, which the parallel reduction would not do [purecc-missed-algorithm]
  long k = std::accumulate(big.begin(), big.end(), 0L, std::plus<long>());
  // CHECK: algorithm-term-types.cpp:[[@LINE-1]]:12: remark: call to 'std::accumulate' rewritten as a parallel reduction [purecc-parallel-algorithm]
  std::printf("%ld %ld %ld %ld\n", f, g, h, k);
}
// OUT: 7549751743667 16139686335667 16139686335667 563759457450000 2050177040
// OUT-NEXT: 264432620931564256 264432620931565824 21683 264432620931566128
