// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
// expected-no-diagnostics
//
// Pure code that must pass: local containers built and mutated, strings,
// <cmath>, throwing, lambdas with their own state, constexpr tables,
// algorithms with pure callables, recursion.
#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

[[pure]] std::vector<int> sorted_squares(const std::vector<int> &in) {
  std::vector<int> out;
  for (int x : in)
    out.push_back(x * x);
  std::sort(out.begin(), out.end());
  return out;
}

// Algorithms that write through their output iterator only read a const
// input range: copying out of a const parameter is fine.
[[pure]] std::vector<long> prefix_sums(const std::vector<long> &in) {
  std::vector<long> out(in.size());
  std::partial_sum(in.begin(), in.end(), out.begin());
  std::vector<long> shifted(in.size());
  std::copy(in.cbegin(), in.cend(), shifted.begin());
  std::transform(out.begin(), out.end(), shifted.begin(), out.begin(), std::plus<>());
  return out;
}

[[pure]] long first_of_copy(const long *data, int n) {
  long buffer[4] = {};
  std::copy_n(data, n < 4 ? n : 4, buffer);
  return buffer[0];
}

[[pure]] std::string greet(const std::string &name) {
  std::string s = "hello, " + name;
  s += "!";
  return s + std::to_string(s.size());
}

[[pure]] double wave(double x) { return std::sin(x) * std::cos(x) + std::sqrt(std::abs(x)); }

[[pure]] int checked(int x) {
  if (x < 0)
    throw std::invalid_argument("negative");
  return x;
}

[[pure]] int counter_lambda(int n) {
  auto count = [] [[pure]] (int limit) {
    int c = 0;
    for (int i = 0; i < limit; ++i)
      c += i;
    return c;
  };
  auto state = [k = 0](int step) mutable { k += step; return k; };
  int last = 0;
  for (int i = 0; i < n; ++i)
    last = state(i);
  return count(n) + last;
}

constexpr int kPrimes[] = {2, 3, 5, 7, 11, 13};
[[pure]] int nth_prime(int i) { return kPrimes[i % 6]; }

[[pure]] long fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

[[pure]] int total(const std::vector<int> &v) {
  int scale = 3;
  return std::accumulate(v.begin(), v.end(), 0,
                         [scale](int acc, int x) { return acc + scale * x; });
}

[[pure]] std::map<std::string, int> histogram(const std::vector<std::string> &words) {
  std::map<std::string, int> h;
  for (const std::string &w : words)
    ++h[w];
  return h;
}

[[pure]] std::optional<int> find_even(const std::vector<int> &v) {
  auto it = std::find_if(v.begin(), v.end(), [](int x) { return x % 2 == 0; });
  if (it == v.end())
    return std::nullopt;
  return *it;
}

// (A std::ostringstream would not do: it formats through the global
// locale, library-global-state.cpp.)
[[pure]] std::string render(int x) { return "x=" + std::to_string(x); }

[[pure]] std::vector<int> doubled(std::vector<int> v) {
  std::for_each(v.begin(), v.end(), [](int &x) { x *= 2; });
  return v;
}
