// An algorithm given a lambda stored in a local variable (`auto f = [..]
// (..) { .. }; std::transform_reduce(.., f)`) is rewritten as the same call
// with the lambda written inline is: the library copies the function object,
// as the rewrite does, and a copy runs the same code on the same captured
// values. adv19 found it refused with "the transformation is not known to be
// pure" (a wrong reason). A `mutable` lambda changes its copy as it runs.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <algorithm>
#include <cstdio>
#include <functional>
#include <numeric>
#include <vector>

[[pure]] long quiet(long i) noexcept {
  long s = 0;
  for (long k = 0; k < 3000; ++k)
    s += (k * k + i) % 7;
  return s;
}

int main(int argc, char **) {
  std::vector<long> v(1000);
  for (long i = 0; i < 1000; ++i)
    v[std::size_t(i)] = i;
  const long offset = 2 + argc; // 3, not a constant: the captures are needed
  auto plain = [](long x) noexcept { return quiet(x); };
  auto shifted = [offset](long x) noexcept { return quiet(x) + offset; };
  auto by_ref = [&offset](long x) noexcept { return quiet(x) * offset; };
  auto even = [](long x) noexcept { return quiet(x) % 2 == 0; };
  long s = std::transform_reduce(v.begin(), v.end(), 0L, std::plus<>(), plain);
  // REMARK: algorithm-stored-lambdas.cpp:[[@LINE-1]]:12: remark: call to 'std::transform_reduce' rewritten as a parallel reduction [purecc-parallel-algorithm]
  long t = std::transform_reduce(v.begin(), v.end(), 0L, std::plus<>(), shifted);
  // REMARK: algorithm-stored-lambdas.cpp:[[@LINE-1]]:12: remark: call to 'std::transform_reduce' rewritten as a parallel reduction [purecc-parallel-algorithm]
  long u = std::transform_reduce(v.begin(), v.end(), 0L, std::plus<>(), by_ref);
  // REMARK: algorithm-stored-lambdas.cpp:[[@LINE-1]]:12: remark: call to 'std::transform_reduce' rewritten as a parallel reduction [purecc-parallel-algorithm]
  long c = std::count_if(v.begin(), v.end(), even);
  // REMARK: algorithm-stored-lambdas.cpp:[[@LINE-1]]:12: remark: call to 'std::count_if' rewritten as a parallel reduction [purecc-parallel-algorithm]
  std::vector<long> out(v.size());
  std::transform(v.begin(), v.end(), out.begin(), shifted);
  // REMARK: algorithm-stored-lambdas.cpp:[[@LINE-1]]:3: remark: call to 'std::transform' rewritten as a parallel map [purecc-parallel-algorithm]

  long calls = 0;
  auto counting = [calls](long x) mutable noexcept { return quiet(x) + ++calls; };
  long m = std::transform_reduce(v.begin(), v.end(), 0L, std::plus<>(), counting);
  // REMARK: algorithm-stored-lambdas.cpp:[[@LINE-1]]:12: remark: call to 'std::transform_reduce' not parallelized: the transformation is not known to be pure [purecc-missed-algorithm]
  std::printf("%ld %ld %ld %ld %ld %ld\n", s, t, u, c, out[999], m);
  return 0;
}
// OUT: 9002998 9005998 27008994 428 9004 9503498
