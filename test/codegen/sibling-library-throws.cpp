// Sibling calls next to library calls (adv20 F-R4). The speculation rule
// counts what the standard library throws by the contract of the function
// the user's code calls, and never allocation failure (bad_alloc, or
// length_error from appending; a size the program computes does count:
// speculation-size-limit.cpp): one rule for loops and for calls
// (Speculation.h, speculationThrows). So `std::to_string(fib(k)) + "/" + ...`, string
// building with '+' and a 'push_back' between two statements do not keep
// the calls after them serial; '.at()', 'std::stoi', 'substr(pos)', a
// 'std::shared_ptr' made from a 'std::weak_ptr' and a
// user's function that throws still do, with the true reason.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=parallel-calls
// RUN: env E2E_TIMEOUT=120 %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

[[pure]] long fib(long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
// REMARK: sibling-library-throws.cpp:[[@LINE-1]]:48: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
// REMARK: sibling-library-throws.cpp:[[@LINE+23]]:12: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
[[pure]] long checked(long n) {
  if (n == 13)
    throw std::runtime_error("13");
  return n;
}

int main(int argc, char **) {
  long k = 20 + argc;
  std::string s = std::to_string(fib(k)) + "/" + std::to_string(fib(k - 3));
  // REMARK: sibling-library-throws.cpp:[[@LINE-1]]:34: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
  std::string t = "(" + std::to_string(fib(k - 2)) + ", " + std::string(2, ' ') + std::to_string(fib(k - 4)) + ")";
  // REMARK: sibling-library-throws.cpp:[[@LINE-1]]:40: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
  std::vector<long> v{1, 2, 3};
  std::string num = "12";
  long a = v.at(std::size_t(argc)) + fib(k) + fib(k - 1);
  // REMARK: sibling-library-throws.cpp:[[@LINE-1]]:38: remark: calls to 'fib' and 'fib' not parallelized: the call to 'fib' comes after 'v.at', which may throw [purecc-missed-parallel-calls]
  long b = std::stoi(num) + fib(k) + fib(k - 1);
  // REMARK: sibling-library-throws.cpp:[[@LINE-1]]:29: remark: calls to 'fib' and 'fib' not parallelized: the call to 'fib' comes after 'std::stoi', which may throw [purecc-missed-parallel-calls]
  long c = long(s.substr(std::size_t(argc)).size()) + fib(k) + fib(k - 1);
  // REMARK: sibling-library-throws.cpp:[[@LINE-1]]:55: remark: calls to 'fib' and 'fib' not parallelized: the call to 'fib' comes after 's.substr', which may throw [purecc-missed-parallel-calls]
  long d = checked(k) + fib(k) + fib(k - 1);
  // REMARK: sibling-library-throws.cpp:[[@LINE-1]]:25: remark: calls to 'fib' and 'fib' not parallelized: the call to 'fib' comes after 'checked', which may throw [purecc-missed-parallel-calls]
  long e = fib(k);
  v.push_back(k);
  long f = fib(k - 1);
  std::printf("%s %s %ld %ld %ld %ld %ld %ld\n", s.c_str(), t.c_str(), a, b, c, d, e, f);
  // Through a local pointer that holds one pure function (FixedCallee.h).
  long (*fp)(long) = fib;
  long x = fp(k) + fp(k - 1);
  // REMARK: sibling-library-throws.cpp:[[@LINE-1]]:12: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
  std::printf("%ld\n", x);
  // A shared_ptr made from an expired weak_ptr throws std::bad_weak_ptr
  // (adv31 H1: a hoisted call after it ran where the serial one never did).
  std::weak_ptr<long> gone;
  long g = 0;
  try {
    g = *std::shared_ptr<long>(gone) + fib(k) + fib(k - 1);
    // REMARK: sibling-library-throws.cpp:[[@LINE-1]]:40: remark: calls to 'fib' and 'fib' not parallelized: the call to 'fib' comes after the construction of a 'std::shared_ptr<long>', which may throw [purecc-missed-parallel-calls]
  } catch (const std::bad_weak_ptr &) {
    g = -1;
  }
  std::printf("%ld\n", g);
}
// OUT: 10946/2584 (4181,   1597) 17713 17723 17720 17732 10946 6765
// OUT-NEXT: 17711
// OUT-NEXT: -1
