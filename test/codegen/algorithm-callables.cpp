// Standard algorithms given a pure function by name or by address, and
// their outputs in a build with -Wsign-conversion and -Wconversion (adv56
// t08, t10, t13):
//  - 'std::transform(..., f)' and '(..., &f)' are rewritten as the lambda
//    form is (the function pointer was taken for a place the library could
//    store the output's address in, and '&f' for a callable not known to be
//    pure);
//  - an output or a range that is no random-access container of objects
//    (a std::list, a std::vector<bool>) says so;
//  - the generated subscripts convert the std::int64_t counter in the open,
//    and an arithmetic result is converted to the element type in the open,
//    as the library does in its own header: a user's -Werror build with
//    -Wsign-conversion -Wconversion compiles the output.
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %cxx %rt_cflags -Wall -Wextra -Wsign-conversion -Wconversion -Werror -c %t.out.cpp -o /dev/null
// RUN: %clangxx %rt_cflags -Wall -Wextra -Wsign-conversion -Wconversion -Werror -c %t.out.cpp -o /dev/null
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <algorithm>
#include <cstdio>
#include <list>
#include <numeric>
#include <vector>

[[pure]] long f(long x) {
  long r = 0;
  for (long k = 0; k < 300; ++k)
    r += (x + k) % 7;
  return r + x;
}

int main() {
  std::vector<long> v(3000, 5), w(3000), w2(3000);
  std::vector<int> narrow(3000);
  std::list<long> l(3000);
  std::transform(v.begin(), v.end(), w.begin(), f);
  // REMARK: algorithm-callables.cpp:[[@LINE-1]]:3: remark: call to 'std::transform' rewritten as a parallel map [purecc-parallel-algorithm]
  std::transform(v.begin(), v.end(), w2.begin(), &f);
  // REMARK: algorithm-callables.cpp:[[@LINE-1]]:3: remark: call to 'std::transform' rewritten as a parallel map [purecc-parallel-algorithm]
  std::transform(v.begin(), v.end(), narrow.begin(), [](long x) { return f(x); });
  // REMARK: algorithm-callables.cpp:[[@LINE-1]]:3: remark: call to 'std::transform' rewritten as a parallel map [purecc-parallel-algorithm]
  std::transform(v.begin(), v.end(), l.begin(), [](long x) { return f(x); });
  // REMARK: algorithm-callables.cpp:[[@LINE-1]]:3: remark: call to 'std::transform' not parallelized: 'l' is a 'std::list<long>', which is not a random-access container [purecc-missed-algorithm]
  std::vector<bool> bits(3000, true);
  long g = std::accumulate(bits.begin(), bits.end(), 0L, [](long t, bool b) { return t + f(b); });
  // REMARK: algorithm-callables.cpp:[[@LINE-1]]:12: remark: call to 'std::accumulate' not parallelized: 'bits' is a 'std::vector<bool>', whose elements are bits reached through proxy objects, which the rewrite of algorithms does not index [purecc-missed-algorithm]
  long a = std::transform_reduce(v.begin(), v.end(), 0L, std::plus<>(), [](long x) { return f(x); });
  // REMARK: algorithm-callables.cpp:[[@LINE-1]]:12: remark: call to 'std::transform_reduce' rewritten as a parallel reduction [purecc-parallel-algorithm]
  long c = std::count_if(v.begin(), v.end(), [](long x) { return f(x) % 3 == 0; });
  // REMARK: algorithm-callables.cpp:[[@LINE-1]]:12: remark: call to 'std::count_if' rewritten as a parallel reduction [purecc-parallel-algorithm]
  std::printf("%ld %ld %d %ld %ld %ld %ld\n", w[2999], w2[7], narrow[5], l.back(), g, a, c);
}
// OUT: {{^[0-9 -]+$}}
