// A loop whose body calls a standard-library function that throws by its
// documented contract (`v.at(i)`, `std::stoi`, `opt.value()`, `std::get`,
// `m.at(k)`, `s.substr(pos)`) stays serial, as one whose body throws itself
// (loop-may-throw.cpp): each loop below throws from inside the library at
// index 10 while its term never ends from index 900 on, so the e2e run ends
// only if every loop fails as fast as the serial one. What only the
// library's inner code could throw (`"item-" + std::to_string(i)`, whose
// `insert` has an `out_of_range` branch), a position written as 0 or left
// to its default, and `std::get` of a pair (noexcept) do not count: those
// loops are still rewritten.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: env E2E_TIMEOUT=120 %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>
#include <vector>

// Counts 1, 2, 3, ... and wraps from 10^9 back to 1: never ends for a <= 0.
[[pure]] long endless(long a) {
  long s = 0, i = 1;
  while (i != a) {
    s += i % 7;
    i = i < 1000000000 ? i + 1 : 1;
  }
  return s;
}

// Cannot throw; never ends from index 900 on.
[[pure]] long slow(long i, long bad) {
  long s = 0;
  for (long k = 0; k < 300; ++k)
    s += (k * k + i) % 7;
  return i >= 900 ? s + endless(bad - i) : s;
}

// Cannot throw, and ends.
[[pure]] long busy(long i) noexcept {
  long s = 0;
  for (long k = 0; k < 300; ++k)
    s += (k * k + i) % 7;
  return s;
}

// A user's function that calls the library: its call counts.
[[pure]] long nth(const std::vector<long> &t, std::size_t k) { return t.at(k); }

int main(int argc, char **) {
  const long n = 1000, bad = 9 + argc; // throws at index 10
  std::vector<std::string> texts(n);
  for (long i = 0; i < n; ++i)
    texts[std::size_t(i)] = i == bad ? std::string("ten") : std::to_string(i);
  // REMARK: loop-library-throws.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'texts' [purecc-parallel-map]
  const std::vector<long> v{3, 1, 4, 1, 5, 9, 2, 6};
  std::vector<std::optional<long>> opts(n);
  std::vector<std::variant<long, std::string>> vars(n);
  std::map<long, long> m;
  for (long i = 0; i < n; ++i) {
    if (i != bad) {
      opts[std::size_t(i)] = i % 5;
      vars[std::size_t(i)] = i % 9;
      m[i] = i % 11;
    } else {
      vars[std::size_t(i)] = std::string("ten");
    }
  }
  const std::string word = "abcdefgh";

  try {
    long s = 0;
    for (long i = 0; i < n; ++i)
      s += slow(i, bad) + v.at(std::size_t(i == bad ? n : i % 8));
    // REMARK: loop-library-throws.cpp:[[@LINE-2]]:5: remark: loop not parallelized: 'v.at' may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
    std::printf("at %ld\n", s);
  } catch (const std::out_of_range &) {
    std::printf("at: out_of_range\n");
  }
  try {
    long s = 0;
    for (long i = 0; i < n; ++i)
      s += slow(i, bad) + std::stoi(texts[std::size_t(i)]);
    // std::stoi reads the global locale: serial for that first.
    // REMARK: loop-library-throws.cpp:[[@LINE-3]]:5: remark: loop not parallelized: 'std::stoi' depends on the global locale [purecc-missed-reduction]
    std::printf("stoi %ld\n", s);
  } catch (const std::invalid_argument &) {
    std::printf("stoi: invalid_argument\n");
  }
  try {
    long s = 0;
    for (long i = n - 1; i >= 0; --i)
      s += slow(n - 1 - i, bad) + nth(v, std::size_t(n - 1 - i == bad ? n : i % 8));
    // REMARK: loop-library-throws.cpp:[[@LINE-2]]:5: remark: loop not parallelized: 'nth' (where 't.at' may throw) may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
    // REMARK: loop-library-throws.cpp:[[@LINE-2]]:12: remark: calls to 'slow' and 'nth' not parallelized: 'nth' is too little work for a task (no loop or recursion in what it runs) [purecc-cheap-calls]
    std::printf("nth %ld\n", s);
  } catch (const std::out_of_range &) {
    std::printf("nth: out_of_range\n");
  }
  try {
    std::vector<long> out(n);
    for (long i = 0; i < n; ++i) {
      if (i % 3 == 2)
        continue;
      out[std::size_t(i)] = slow(i, bad) + opts[std::size_t(i)].value();
    }
    // REMARK: loop-library-throws.cpp:[[@LINE-5]]:5: remark: loop not parallelized: 'opts[std::size_t(i)].value' may throw, and the serial loop does not run the later iterations then [purecc-missed-map]
    std::printf("value %ld\n", out[1]);
  } catch (const std::bad_optional_access &) {
    std::printf("value: bad_optional_access\n");
  }
  try {
    long best = -1, arg = -1;
    for (long i = 0; i < n; ++i) {
      long d = slow(i, bad) + std::get<long>(vars[std::size_t(i)]);
      if (d > best) {
        best = d;
        arg = i;
      }
    }
    // REMARK: loop-library-throws.cpp:[[@LINE-7]]:5: remark: loop not parallelized: 'std::get<long>' may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
    std::printf("get %ld %ld\n", best, arg);
  } catch (const std::bad_variant_access &) {
    std::printf("get: bad_variant_access\n");
  }
  try {
    const std::map<long, long> &cm = m;
    long s = 0;
    for (long i = 0; i < n; ++i)
      s += cm.at(i) > 5 ? slow(i, bad) : 1;
    // REMARK: loop-library-throws.cpp:[[@LINE-2]]:5: remark: loop not parallelized: 'cm.at' may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
    std::printf("map.at %ld\n", s);
  } catch (const std::out_of_range &) {
    std::printf("map.at: out_of_range\n");
  }
  try {
    std::string s;
    for (long i = 0; i < n; ++i)
      s += word.substr(std::size_t(i == bad ? n : i % 8), 1) + std::to_string(slow(i, bad) % 10);
    // REMARK: loop-library-throws.cpp:[[@LINE-2]]:5: remark: loop not parallelized: 'word.substr' may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
    std::printf("substr %zu\n", s.size());
  } catch (const std::out_of_range &) {
    std::printf("substr: out_of_range\n");
  }
  try {
    std::vector<long> idx(n), t(n);
    for (long i = 0; i < n; ++i)
      idx[std::size_t(i)] = i;
    std::transform(idx.begin(), idx.end(), t.begin(),
                   [&](long i) { return slow(i, bad) + v.at(std::size_t(i == bad ? n : i % 8)); });
    // REMARK: loop-library-throws.cpp:[[@LINE-2]]:5: remark: call to 'std::transform' not parallelized: the function applied may throw, and the serial algorithm does not apply it to the later elements then [purecc-missed-algorithm]
    std::printf("transform %ld\n", t[0]);
  } catch (const std::out_of_range &) {
    std::printf("transform: out_of_range\n");
  }

  // Only the library's inner code could throw: still parallel.
  std::vector<std::string> labels(n);
  for (long i = 0; i < n; ++i)
    labels[std::size_t(i)] = "item-" + std::to_string(i);
  // REMARK: loop-library-throws.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'labels' [purecc-parallel-map]
  std::string all;
  for (long i = 0; i < n; ++i)
    all += "<" + std::to_string(busy(i) % 10) + ">";
  // REMARK: loop-library-throws.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel concatenation onto 'all' (the pieces kept in the loop's order) [purecc-concatenation]
  long heads = 0;
  for (long i = 0; i < n; ++i)
    heads += busy(i) + long(labels[std::size_t(i)].substr(0, 6).size() + labels[std::size_t(i)].substr().size());
  // REMARK: loop-library-throws.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'heads' [purecc-reduction]
  std::vector<std::pair<long, long>> pairs(n);
  for (long i = 0; i < n; ++i)
    pairs[std::size_t(i)] = {i, busy(i) % 13};
  // REMARK: loop-library-throws.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'pairs' [purecc-parallel-map]
  long seconds = 0;
  for (long i = 0; i < n; ++i)
    seconds += std::get<1>(pairs[std::size_t(i)]) + busy(i);
  // REMARK: loop-library-throws.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'seconds' [purecc-reduction]
  std::printf("labels %s %zu %ld %ld\n", labels[n - 1].c_str(), all.size(), heads, seconds);
  return 0;
}
// OUT:      at: out_of_range
// OUT-NEXT: stoi: invalid_argument
// OUT-NEXT: nth: out_of_range
// OUT-NEXT: value: bad_optional_access
// OUT-NEXT: get: bad_variant_access
// OUT-NEXT: map.at: out_of_range
// OUT-NEXT: substr: out_of_range
// OUT-NEXT: transform: out_of_range
// OUT-NEXT: labels item-999 3000 {{[0-9]+}} {{[0-9]+}}
