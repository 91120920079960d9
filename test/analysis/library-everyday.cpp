// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
//
// Everyday library code the model must accept (adversary adv20, F-C1..F-C4):
// std::ranges algorithms and customization points (judged as their plain
// std:: counterparts and named as the user wrote them, never through
// libstdc++'s '__any_of_fn'), iterator comparisons of the unordered
// containers (libstdc++'s std::__detail), the <compare> categories of a
// defaulted operator<=>, and the rest of <cmath>/<algorithm>/<numeric>.
// What the callables given to them do is still judged.
#include <algorithm>
#include <cmath>
#include <compare>
#include <iterator>
#include <memory>
#include <numeric>
#include <ranges>
#include <unordered_map>
#include <unordered_set>
#include <vector>

// --- F-C1: std::ranges algorithms, iterator operations, access points -------
[[pure]] bool any_pos(const std::vector<long> &v) {
  return std::ranges::any_of(v, [](long x) { return x > 0; }) &&
         !std::ranges::none_of(v, [](long x) { return x < -100; }) &&
         std::ranges::all_of(v, [](long x) { return x != 7; });
}
[[pure]] long counts(const std::vector<long> &v) {
  return long(std::ranges::distance(v)) + std::ranges::count_if(v, [](long x) { return x > 2; }) +
         std::ranges::count(v, 3) + long(std::ranges::size(v)) + long(std::ranges::ssize(v)) +
         long(std::ranges::empty(v)) + *std::ranges::begin(v) +
         *std::ranges::prev(std::ranges::end(v)) + *std::ranges::next(std::ranges::cbegin(v)) +
         *std::ranges::data(v) + *std::ranges::crbegin(v);
}
[[pure]] long extremes(std::vector<long> v) {
  auto [mn, mx] = std::ranges::minmax(v);
  auto [lo, hi] = std::ranges::minmax_element(v);
  std::ranges::reverse(v);
  std::ranges::next_permutation(v);
  std::ranges::nth_element(v, v.begin() + 1);
  bool eq = std::ranges::equal(v, v) && std::ranges::is_sorted(v) && std::ranges::binary_search(v, 3);
  return mn + mx + *lo + *hi + std::ranges::max(v) + std::ranges::min(3L, 4L) + long(eq) +
         std::ranges::clamp(mn, 0L, 9L) + *std::ranges::lower_bound(v, 2) +
         *std::ranges::find_if(v, [](long x) { return x > 1; });
}
[[pure]] long copies(const std::vector<long> &v) {
  std::vector<long> w(v.size()), u;
  std::ranges::copy(v, w.begin());
  std::ranges::transform(v, w.begin(), [](long x) { return x * 2; });
  std::ranges::copy_if(v, std::back_inserter(u), [](long x) { return x % 2 == 0; });
  std::ranges::fill(u, 1);
  std::ranges::for_each(w, [](long &x) { x += 1; });
  std::ranges::swap(w, u);
  return w.empty() ? 0 : w[0];
}

// What the predicate does is judged where it is given, and a ranges
// algorithm writes the output it is given.
long g_seen;
std::vector<long> g_out(8);
[[pure]] bool impure_pred(const std::vector<long> &v) { // expected-note {{'impure_pred' declared pure here}}
  return std::ranges::any_of(v, [](long x) { g_seen = x; return x > 0; }); // expected-error {{pure function 'impure_pred' calls 'lambda at line 61', which is not pure}} expected-note {{'lambda at line 61' is not pure because it writes to global 'g_seen'}}
}
[[pure]] long impure_for_each(std::vector<long> v) { // expected-note {{'impure_for_each' declared pure here}}
  std::ranges::for_each(v, [](long x) { g_seen += x; }); // expected-error {{pure function 'impure_for_each' calls 'lambda at line 64', which is not pure}} expected-note {{'lambda at line 64' is not pure because it writes to global 'g_seen'}}
  return v[0];
}
[[pure]] long copy_to_global(const std::vector<long> &v) { // expected-note 2 {{'copy_to_global' declared pure here}}
  std::ranges::copy(v, g_out.begin()); // expected-error {{pure function 'copy_to_global' writes to global 'g_out'}}
  std::ranges::move(std::vector<long>(v), g_out.begin()); // expected-error {{pure function 'copy_to_global' writes to global 'g_out'}}
  return v[0];
}

// A function object the model does not know is named as the user wrote it.
[[pure]] long unknown_niebloid(long x) { // expected-note {{'unknown_niebloid' declared pure here}}
  alignas(long) unsigned char buf[sizeof(long)];
  long *p = reinterpret_cast<long *>(buf);
  std::ranges::destroy_at(p); // expected-error {{pure function 'unknown_niebloid' calls 'std::ranges::destroy_at', which is not known to be pure}}
  return x;
}

// --- F-C2: iterators of the unordered containers ----------------------------
[[pure]] long find_or_zero(const std::unordered_map<long, long> &m) {
  auto it = m.find(3);
  return it == m.end() ? 0 : it->second;
}
[[pure]] long best(const std::vector<long> &v) {
  std::unordered_map<long, long> m;
  for (long x : v)
    ++m[x];
  long b = 0;
  for (auto &[k, c] : m)
    b = std::max(b, c * 1000 + k);
  std::unordered_set<long> s(v.begin(), v.end());
  for (auto it = s.begin(); it != s.end(); ++it)
    b += *it;
  return b;
}

// --- F-C3: the comparison categories of a defaulted operator<=> -------------
struct V2 {
  double x, y;
  [[pure]] auto operator<=>(const V2 &) const = default;
};
struct W {
  long k;
  [[pure]] std::weak_ordering operator<=>(const W &o) const { return k <=> o.k; }
};
[[pure]] bool ordered(V2 a, V2 b, W c, W d) {
  std::partial_ordering p = a <=> b;
  std::weak_ordering w = c <=> d;
  std::partial_ordering pw = w;
  return std::is_lt(p) || std::is_gteq(w) || pw == 0 || a < b || c >= d ||
         std::compare_three_way{}(1, 2) < 0;
}

// --- F-C4: the rest of <cmath>, <algorithm>, <numeric> -----------------------
[[pure]] double classify(double x) {
  int e = 0;
  double ip = 0;
  int q = 0;
  return std::fpclassify(x) + std::nextafter(x, 0.0) + std::nexttoward(x, 0.0L) +
         std::isnormal(x) + std::isless(x, 1.0) + std::isunordered(x, x) + std::ldexp(x, 2) +
         std::frexp(x, &e) + e + std::modf(x, &ip) + ip + std::remquo(x, 3.0, &q) + q +
         std::fdim(x, 1.0) + std::logb(x) + std::ilogb(x) + double(std::llround(x)) +
         std::scalbn(x, 3) + std::beta(1.0, 2.0);
}
[[pure]] long perms(std::vector<int> v) {
  long c = 0;
  std::sort(v.begin(), v.end());
  do
    ++c;
  while (std::next_permutation(v.begin(), v.end()));
  std::prev_permutation(v.begin(), v.end());
  return c + std::is_permutation(v.begin(), v.end(), v.rbegin());
}
[[pure]] long sets(const std::vector<long> &a, const std::vector<long> &b) {
  std::vector<long> u, i, h(a);
  std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(u));
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(i));
  std::make_heap(h.begin(), h.end());
  std::sort_heap(h.begin(), h.end());
  std::vector<long> r(a.size());
  std::reverse_copy(a.begin(), a.end(), r.begin());
  std::transform_inclusive_scan(a.begin(), a.end(), r.begin(), std::plus<>{},
                                [](long x) { return x * x; });
  return long(u.size() + i.size()) + h[0] + r[0] +
         std::includes(a.begin(), a.end(), b.begin(), b.end()) +
         (std::find_first_of(a.begin(), a.end(), b.begin(), b.end()) != a.end());
}

// The output of a set algorithm is written: into a global, a violation.
long g_arr[16];
[[pure]] long set_to_global(const std::vector<long> &a) { // expected-note {{'set_to_global' declared pure here}}
  std::set_union(a.begin(), a.end(), a.begin(), a.end(), g_arr); // expected-error {{pure function 'set_to_global' writes to global 'g_arr'}}
  return a[0];
}

// adv29 F2: the container erasers of C++20, forward_as_tuple and
// source_location are library values; the erasers' predicates are judged.
#include <source_location>
#include <tuple>
[[pure]] long erased(long n) {
  std::vector<long> v{1, 2, 3, 4};
  std::erase_if(v, [n](long x) { return x < n; });
  std::erase(v, 4L);
  return long(v.size()) + std::get<0>(std::forward_as_tuple(n, v));
}
[[pure]] long where(std::source_location l = std::source_location::current()) {
  return long(l.line()) + long(l.column());
}
// A constexpr function that tests how it is evaluated (adv66 F5: called
// "not known to be pure").
[[pure]] constexpr long constant_or_not(long n) {
  if (std::is_constant_evaluated())
    return n;
  long s = 0;
  for (long i = 0; i < n; ++i)
    s += i;
  return s;
}
long g_erased = 0;
[[pure]] long erase_counting(long n) { // expected-note {{'erase_counting' declared pure here}}
  std::vector<long> v{1, 2, 3};
  std::erase_if(v, [n](long x) { ++g_erased; return x < n; }); // expected-error {{pure function 'erase_counting' calls 'lambda at line 184', which is not pure [purecc-impure-call]}} expected-note {{'lambda at line 184' is not pure because it writes to global 'g_erased'}}
  return long(v.size());
}

// Iterating a std::deque or std::forward_list (adv85 F5: a const deque's
// iterator moved was a write to the deque; forward_list's iterator was
// "not known to be pure"); literal suffixes and C++20's integer
// comparisons (adv87 FE1, FE3).
#include <chrono>
#include <cstddef>
#include <deque>
#include <forward_list>
#include <string>
#include <string_view>
#include <utility>
[[pure]] long deque_sum(const std::deque<long> &d) { long t = 0; for (long x : d) t += x; return t; }
[[pure]] long deque_second(const std::deque<long> &d) { auto it = d.begin(); it += 1; return *it; }
[[pure]] long list_sum(const std::forward_list<long> &l) { long t = 0; for (long x : l) t += x; return t; }
[[pure]] long literals(long x) {
  using namespace std::literals;
  return x + long(("ab"s + "c").size() + "abc"sv.size()) + long((2h + 3min).count());
}
[[pure]] bool compared(int a, unsigned b) { return std::cmp_less(a, b) && std::in_range<short>(a) && !std::cmp_equal(a, b); }
[[pure]] int byte_value(std::byte b) { return std::to_integer<int>(b); }

int main() {}

// A priority_queue made with a comparator: its constructor's defaulted
// `_Sequence &&__s = _Sequence()` is a temporary of the call, not memory
// of someone else's (adv119 F1: "writes through a pointer that may point
// to memory it does not own").
#include <queue>
struct Greater {
  bool operator()(long a, long b) const { return a > b; }
};
[[pure]] long queue_with_comparator(long x) {
  Greater g;
  std::priority_queue<long, std::vector<long>, Greater> q(g);
  q.push(x);
  q.push(x / 2);
  return q.top();
}
[[pure]] long queue_with_lambda(long x) {
  auto c = [](long a, long b) { return a > b; };
  std::priority_queue<long, std::vector<long>, decltype(c)> q(c);
  q.push(x);
  return q.top();
}
