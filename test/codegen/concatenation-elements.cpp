// A concatenation's combine moves every element of a right partial into
// the left one, and the leaves' vectors grow on their own: the element's
// copies and moves run more often than in the loop. They must be plain
// value copies (PlainValues.h), also when the user's class sits inside a
// std::array or std::pair, or the loop stays serial.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <array>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

long g_moves = 0;
struct Counted {
  long v;
  [[pure]] explicit Counted(long x) : v(x) {}
  Counted(const Counted &o) : v(o.v) { ++g_moves; }
  Counted(Counted &&o) noexcept : v(o.v) { ++g_moves; }
  Counted &operator=(const Counted &) = default;
};
[[pure]] long heavy(long i) {
  long s = 0;
  for (long j = 0; j < 50; ++j)
    s += (i * j) % 11;
  return s;
}
[[pure]] std::pair<std::string, long> named(long i) { return {std::to_string(i % 10), heavy(i)}; }

void run(long n) {
  g_moves = 0;
  std::vector<std::array<Counted, 1>> v;
  for (long i = 0; i < n; ++i)
    v.push_back(std::array<Counted, 1>{Counted(heavy(i))});
  // REMARK: concatenation-elements.cpp:[[@LINE-2]]:3: remark: loop not parallelized: appending to 'v' copies and moves 'std::array<Counted, 1>', which holds 'Counted', which has a user-provided copy or move constructor: the parallel combine would run that code more often than the loop does [purecc-missed-reduction]
  long s = 0;
  for (size_t k = 0; k < v.size(); ++k)
    s += v[k][0].v;
  // REMARK: concatenation-elements.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  std::printf("%ld: %zu %ld moves %ld\n", n, v.size(), s, g_moves);

  // Plain values (a std::pair of a string and a long): still parallel.
  std::vector<std::pair<std::string, long>> w{{"<", -1}};
  for (long i = 0; i < n; ++i)
    w.push_back(named(i));
  // REMARK: concatenation-elements.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel concatenation onto 'w' (the pieces kept in the loop's order) [purecc-concatenation]
  unsigned long h = 0;
  for (size_t k = 0; k < w.size(); ++k)
    h = h * 31 + static_cast<unsigned long>(w[k].second) + static_cast<unsigned char>(w[k].first[0]);
  std::printf("%ld: %zu %lx\n", n, w.size(), h);
}

int main() {
  for (long n : {0L, 1L, 2L, 1025L, 3000L})
    run(n);
}
// OUT: 0: 0 0 moves 0
// OUT-NEXT: 0: 1 3b
// OUT-NEXT: 1: 1 0 moves 1
// OUT-NEXT: 1: 2 755
// OUT-NEXT: 2: 2 235 moves 3
// OUT-NEXT: 2: 3 e467
// OUT-NEXT: 1025: 1025 230410 moves 3072
// OUT-NEXT: 1025: 1026 6af5eb56727eebe3
// OUT-NEXT: 3000: 3000 674918 moves 7095
// OUT-NEXT: 3000: 3001 53430cadd13b5963
