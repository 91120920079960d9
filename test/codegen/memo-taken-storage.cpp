// Memo keys and storage that changes hands (KeyedAccess.h: moved-out,
// reallocation, buffer-identity; ContainerGrowth.h): a string's characters
// moved, swapped or exchanged out while an address into them is held (a
// short string's are copied out of the object, a buffer its caller gave
// capacity goes along: adv67 F6), a local that took a caller's buffer by a
// swap or a move assignment and then grows, a container reached through a
// structured binding, two vectors inside one argument. What stays within
// the key is still memoized.
// RUN: not %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 -ferror-limit=0 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: not test -e %t.out.cpp

#include <algorithm>
#include <numeric>
#include <ranges>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// ---- moved-out: refused ----
// CHECK: memo-taken-storage.cpp:[[@LINE+1]]:12: error: cannot memoize 'moved': its code uses 'p0', an address into a string's characters, after 'std::move(s)' moves them out: they go along with a buffer its caller gave capacity, and a short string's are copied out of the object, as the capacity its caller left decides, and its memo key does not hold the capacity [purecc-memo-unsupported]
[[pure]] [[purecc::memo]] long moved(std::string s) {
  const char *p0 = s.data();
  std::string t = std::move(s);
  return p0 == t.data();
  // CHECK: memo-taken-storage.cpp:[[@LINE-1]]:10: note: 'p0' is read here
}
// CHECK: memo-taken-storage.cpp:[[@LINE+1]]:12: error: cannot memoize 'member_swap': its code uses 'p', an address into a string's characters, after 'u.swap(s)' moves them out: {{.*}}
[[pure]] [[purecc::memo]] long member_swap(std::string s) {
  const char *p = s.data();
  std::string u;
  u.swap(s);
  return p == u.data();
  // CHECK: memo-taken-storage.cpp:[[@LINE-1]]:10: note: 'p' is read here
}
// CHECK: memo-taken-storage.cpp:[[@LINE+1]]:12: error: cannot memoize 'move_assigned': its code uses 'p', an address into a string's characters, after 'u = std::move(s)' moves them out: {{.*}}
[[pure]] [[purecc::memo]] long move_assigned(std::string s) {
  const char *p = s.data();
  std::string u;
  u = std::move(s);
  return p == u.data();
}
// No address compared: the view reads 'a' from a stolen buffer, '\0' from
// a short string cleared by the move.
// CHECK: memo-taken-storage.cpp:[[@LINE+1]]:12: error: cannot memoize 'view_after_move': its code uses 'sv', an address into a string's characters, after 'std::move(s)' moves them out: {{.*}}
[[pure]] [[purecc::memo]] long view_after_move(std::string s) {
  std::string_view sv = s;
  std::string t = std::move(s);
  return sv[0] + (long)t.size();
}
// CHECK: memo-taken-storage.cpp:[[@LINE+1]]:12: error: cannot memoize 'exchanged': its code uses 'p', an address into a string's characters, after 'std::exchange(s, {})' moves them out: {{.*}}
[[pure]] [[purecc::memo]] long exchanged(std::string s) {
  const char *p = s.c_str();
  std::string t = std::exchange(s, {});
  return p == t.data();
}
// CHECK: memo-taken-storage.cpp:[[@LINE+1]]:12: error: cannot memoize 'std_swapped': its code uses 'sv', an address into a string's characters, after 'std::swap(s, u)' moves them out: {{.*}}
[[pure]] [[purecc::memo]] long std_swapped(std::string s) {
  std::string_view sv = s;
  std::string u = "x";
  std::swap(s, u);
  return sv[0];
}
[[pure]] long take(std::string t) { return (long)t.size(); }
// CHECK: memo-taken-storage.cpp:[[@LINE+1]]:12: error: cannot memoize 'given_away': its code uses 'it', an address into a string's characters, after 'std::move(s)' moves them out: {{.*}}
[[pure]] [[purecc::memo]] long given_away(std::string s) {
  auto it = s.begin();
  long n = take(std::move(s));
  return n + *it;
}
// The next trip reads 'c' after this trip's move.
// CHECK: memo-taken-storage.cpp:[[@LINE+1]]:12: error: cannot memoize 'next_trip': its code uses 'c', an address into a string's characters, after 'std::move(s)' moves them out: {{.*}}
[[pure]] [[purecc::memo]] long next_trip(std::string s) {
  const char &c = s[0];
  long n = 0;
  for (int i = 0; i < 2; ++i) {
    n += c;
    std::string t = std::move(s);
    n += (long)t.size();
  }
  return n;
}
struct Named { std::string name; long k; };
// CHECK: memo-taken-storage.cpp:[[@LINE+1]]:12: error: cannot memoize 'member_moved': its code uses 'c', an address into a string's characters, after 'std::move(p.name)' moves them out: {{.*}}
[[pure]] [[purecc::memo]] long member_moved(Named p) {
  const char *c = p.name.data();
  std::string t = std::move(p.name);
  return c == t.data();
}

// ---- a caller's buffer taken by a swap, reached through a binding: refused ----
// CHECK: memo-taken-storage.cpp:[[@LINE+1]]:12: error: cannot memoize 'swapped_in': its code compares addresses ('p == u.data()') into 'u', which may hold storage its caller gave, across 'u.push_back(1)', which moves the elements only when the capacity its caller left is full, and its memo key does not hold the capacity [purecc-memo-unsupported]
[[pure]] [[purecc::memo]] long swapped_in(std::vector<long> v) {
  std::vector<long> u;
  u.swap(v);
  const long *p = u.data();
  u.push_back(1);
  return p == u.data();
}
struct Held { std::vector<long> v; long k; };
// CHECK: memo-taken-storage.cpp:[[@LINE+1]]:12: error: cannot memoize 'bound': its code compares addresses into a container taken by value ('p == w.data()') across 'w.push_back(k)', {{.*}}
[[pure]] [[purecc::memo]] long bound(Held h) {
  auto &[w, k] = h;
  const long *p = w.data();
  w.push_back(k);
  return p == w.data();
}

// A span made of the vector points into it (adv67 F3).
// CHECK: memo-taken-storage.cpp:[[@LINE+1]]:12: error: cannot memoize 'span_held': its code compares addresses into a container taken by value ('p == v.data()') across 'v.push_back(0)', {{.*}}
[[pure]] [[purecc::memo]] long span_held(std::vector<long> v) {
  std::span<long> sp(v);
  const long *p = sp.data();
  v.push_back(0);
  return p == v.data();
}
// CHECK: memo-taken-storage.cpp:[[@LINE+1]]:12: error: cannot memoize 'span_iterators': its code compares addresses into a container taken by value ('sp.begin() == std::span(v).begin()') across 'v.push_back(0)', {{.*}}
[[pure]] [[purecc::memo]] long span_iterators(std::vector<long> v) {
  auto sp = std::span(v);
  v.push_back(0);
  return sp.begin() == std::span(v).begin();
}

// ---- buffer-identity: two vectors inside one argument, refused ----
// CHECK: memo-taken-storage.cpp:[[@LINE+1]]:12: error: cannot memoize 'two_inside': its code compares an address into a vector its caller filled with one into another object ('vv[0].data() == vv[1].data()'), which for empty vectors tells whether their callers gave them capacity, and its memo key holds only the elements [purecc-memo-unsupported]
[[pure]] [[purecc::memo]] long two_inside(const std::vector<std::vector<long>> &vv) {
  return vv[0].data() == vv[1].data();
  // CHECK: memo-taken-storage.cpp:[[@LINE-1]]:23: note: where an object lies in memory is used as a value here
}
struct Pair { std::vector<long> a, b; };
// CHECK: memo-taken-storage.cpp:[[@LINE+1]]:12: error: cannot memoize 'two_members': its code compares an address into a vector its caller filled with one into another object ('p == t.b.data()'), {{.*}}
[[pure]] [[purecc::memo]] long two_members(Pair t) {
  const long *p = t.a.data();
  return p == t.b.data();
}
// A range-for's own end test is named by its range (adv68 F24: "(':')").
// CHECK: memo-taken-storage.cpp:[[@LINE+1]]:12: error: cannot memoize 'later_rows': its code compares or subtracts addresses that may lie in different arguments (the end test of the range-for over 'vv | std::views::drop(1)'), and its memo key holds the arguments' values, not where they lie [purecc-memo-unsupported]
[[pure]] [[purecc::memo]] long later_rows(const std::vector<std::vector<long>> &vv) {
  const long *p = vv[0].data();
  for (const auto &w : vv | std::views::drop(1))
    // CHECK: memo-taken-storage.cpp:[[@LINE-1]]:22: note: where an object lies in memory is used as a value here
    if (w.data() == p)
      return 1;
  return 0;
}

// ---- within the key: memoized ----
// Iterators of one inner vector compared with each other.
[[pure]] [[purecc::memo]] long inner_iterators(const std::vector<std::vector<long>> &vv, long x) {
  long n = 0;
  for (std::size_t i = 0; i < vv.size(); ++i) {
    for (auto it = vv[i].begin(); it != vv[i].end(); ++it)
      n += *it;
    if (std::find(vv[i].begin(), vv[i].end(), x) != vv[i].end())
      ++n;
  }
  return n;
}
// CHECK: memo-taken-storage.cpp:[[@LINE-10]]:32: remark: calls to 'inner_iterators' are memoized (fingerprint {{.*}}) [purecc-memo]
// A view of the string that took the characters, made after the move.
[[pure]] [[purecc::memo]] long view_of_new(std::string s) {
  std::string t = std::move(s);
  std::string_view sv = t;
  return (long)t.size() + sv[0];
}
// CHECK: memo-taken-storage.cpp:[[@LINE-5]]:32: remark: calls to 'view_of_new' are memoized (fingerprint {{.*}}) [purecc-memo]
// Read before the move only.
[[pure]] [[purecc::memo]] long read_before(std::string s) {
  std::string_view sv = s;
  long first = sv[0];
  std::string t = std::move(s);
  return first + (long)t.size();
}
// CHECK: memo-taken-storage.cpp:[[@LINE-6]]:32: remark: calls to 'read_before' are memoized (fingerprint {{.*}}) [purecc-memo]
// A swap of two locals the function built itself keeps its own storage
// (memoized); swap_chain in memo-taken-storage-forms.cpp is refused.
[[pure]] [[purecc::memo]] long own_locals(std::vector<long> v) {
  std::vector<long> a{1, 2}, b;
  a.swap(b);
  const long *p = b.data();
  b.push_back(3);
  return (long)v.size() + (p == b.data());
}
// CHECK: memo-taken-storage.cpp:[[@LINE-7]]:32: remark: calls to 'own_locals' are memoized (fingerprint {{.*}}) [purecc-memo]
[[pure]] [[purecc::memo]] long bound_values(Held h) {
  auto &[w, k] = h;
  return std::accumulate(w.begin(), w.end(), k);
}
// CHECK: memo-taken-storage.cpp:[[@LINE-4]]:32: remark: calls to 'bound_values' are memoized (fingerprint {{.*}}) [purecc-memo]
[[pure]] [[purecc::memo]] long span_walk(std::vector<long> v) {
  std::span<long> sp(v);
  long n = 0;
  for (auto it = sp.begin(); it != sp.end(); ++it)
    n += *it;
  return n;
}
// CHECK: memo-taken-storage.cpp:[[@LINE-7]]:32: remark: calls to 'span_walk' are memoized (fingerprint {{.*}}) [purecc-memo]
[[pure]] [[purecc::memo]] long one_member(const Pair &t) {
  long n = 0;
  for (auto p = t.a.data(); p != t.a.data() + t.a.size(); ++p)
    n += *p;
  return n;
}
// CHECK: memo-taken-storage.cpp:[[@LINE-6]]:32: remark: calls to 'one_member' are memoized (fingerprint {{.*}}) [purecc-memo]

int main() {
  std::vector<std::vector<long>> vv{{1}, {2}};
  Held h{{1, 2}, 3};
  Pair t{{1}, {2}};
  return int(moved("ab") + member_swap("ab") + move_assigned("ab") + view_after_move("ab") +
             exchanged("ab") + std_swapped("ab") + given_away("ab") + next_trip("ab") +
             member_moved({"ab", 1}) + swapped_in({1}) + bound(h) + two_inside(vv) +
             two_members(t) + inner_iterators(vv, 2) + view_of_new("ab") + read_before("ab") +
             own_locals({1}) + bound_values(h) + one_member(t) + span_held({1}) +
             span_iterators({1}) + span_walk({1})) & 1;
}
