// What a memo key holds, and nothing more (KeyedAccess.h): a view's
// elements, not what lies past them (past-view), and referenced arguments'
// values, not where they lie (argument-identity). Views of "xyz" and "xyw"
// cut to "xy" are one key, as are f(x, x) and f(x, y) with x == y (adv52).
// RUN: not %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 -ferror-limit=0 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: not test -e %t.out.cpp

#include <algorithm>
#include <cstddef>
#include <functional>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <ranges>
#include <span>
#include <utility>
#include <string>
#include <string_view>
#include <tuple>
#include <variant>
#include <vector>

// ---- past-view: refused ----
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'free_data': its code uses the view 's' in 'std::data(s)', which may reach past the view's elements, and its memo key holds only the elements [purecc-memo-unsupported]
[[pure]] [[purecc::memo]] long free_data(std::string_view s) { return std::data(s)[s.size()]; }
// CHECK: memo-keyed-access.cpp:[[@LINE-1]]:71: note: 'std::data(s)' is read here
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'ranges_data': its code uses the view 's' in 'std::ranges::data(s)', {{.*}}
[[pure]] [[purecc::memo]] long ranges_data(std::string_view s) { return std::ranges::data(s)[s.size()]; }
// CHECK: memo-keyed-access.cpp:[[@LINE-1]]:73: note: 'std::ranges::data(s)' is read here
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'free_end': its code uses the view 's' in 'std::end(s)', {{.*}}
[[pure]] [[purecc::memo]] long free_end(std::string_view s) { return *std::end(s); }
// CHECK: memo-keyed-access.cpp:[[@LINE-1]]:71: note: 'std::end(s)' is read here
// The address of an element, not only of the first or the last.
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'next_to_last': its code uses the view 's' in 's[s.size() - 1]', {{.*}}
[[pure]] [[purecc::memo]] long next_to_last(std::string_view s) { return *(&s[s.size() - 1] + 1); }
// CHECK: memo-keyed-access.cpp:[[@LINE-1]]:77: note: 's[s.size() - 1]' is read here
[[pure]] char at(const char *p, std::size_t n) { return p[n]; }
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'through_helper': its code uses the view 's' in 's[0]', {{.*}}
[[pure]] [[purecc::memo]] long through_helper(std::string_view s) { return at(&s[0], s.size()); }
// CHECK: memo-keyed-access.cpp:[[@LINE-1]]:80: note: 's[0]' is read here
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'last_element': its code uses the address of 'ch', an element of a view, {{.*}}
[[pure]] [[purecc::memo]] long last_element(std::string_view s) {
  const char *last = nullptr;
  for (const char &ch : s)
    last = &ch;
  // CHECK: memo-keyed-access.cpp:[[@LINE-1]]:13: note: 'ch' is read here
  return last ? last[1] : 0;
}
// A span or a copy of the view sees what the view sees.
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'as_span': its code uses the view 'sp' in 'sp.data()', {{.*}}
[[pure]] [[purecc::memo]] long as_span(std::string_view s) {
  std::span<const char> sp(s);
  return sp.data()[sp.size()];
  // CHECK: memo-keyed-access.cpp:[[@LINE-1]]:13: note: 'sp.data()' is read here
}
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'copied': its code uses the view 't' in 't.end()', {{.*}}
[[pure]] [[purecc::memo]] long copied(std::string_view s) {
  std::string_view t = s;
  return *t.end();
  // CHECK: memo-keyed-access.cpp:[[@LINE-1]]:13: note: 't.end()' is read here
}
// In a vector of views, each one.
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'first_word_end': its code uses the view 'words[0]' in 'words[0].data()', {{.*}}
[[pure]] [[purecc::memo]] long first_word_end(const std::vector<std::string_view> &words) {
  return words.empty() ? 0 : words[0].data()[words[0].size()];
  // CHECK: memo-keyed-access.cpp:[[@LINE-1]]:39: note: 'words[0].data()' is read here
}

// ---- past-view: within the elements, memoized ----
[[pure]] long weight(std::string_view t) {
  long w = 0;
  for (std::size_t i = 0; i < t.size(); ++i)
    w += t[i] == 'a' ? 2 : 1;
  return w;
}
[[pure]] [[purecc::memo]] long within(std::string_view s) {
  long h = 0;
  for (char c : s)
    h = h * 31 + c;
  for (const char &c : s.substr(1))
    h += c;
  std::string copy(s);
  h += long(copy.size()) + (s == "key" ? 7 : 0) + long(s.find('=')) + (s.starts_with("k") ? 1 : 0);
  std::string_view rest = s;
  rest.remove_prefix(rest.empty() ? 0 : 1);
  return h + weight(rest) + (s.empty() ? 0 : s.front() + s.back());
}
// CHECK: memo-keyed-access.cpp:[[@LINE-12]]:32: remark: calls to 'within' are memoized (fingerprint {{.*}}) [purecc-memo]

// ---- argument-identity: refused ----
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'same': its code compares or subtracts addresses that may lie in different arguments ('&a == &b'), and its memo key holds the arguments' values, not where they lie [purecc-memo-unsupported]
[[pure]] [[purecc::memo]] long same(const long &a, const long &b) { return a + b + (&a == &b); }
// CHECK: memo-keyed-access.cpp:[[@LINE-1]]:88: note: where an object lies in memory is used as a value here
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'apart': its code compares or subtracts addresses that may lie in different arguments ('&b - &a'), {{.*}}
[[pure]] [[purecc::memo]] long apart(const long &a, const long &b) { return a + (&b - &a); }
// CHECK: memo-keyed-access.cpp:[[@LINE-1]]:85: note: where an object lies in memory is used as a value here
[[pure]] bool one_object(const long &x, const long &y) { return std::addressof(x) == std::addressof(y); }
// CHECK: memo-keyed-access.cpp:[[@LINE+2]]:12: error: cannot memoize 'same_in_helper': its code compares or subtracts addresses that may lie in different arguments ('std::addressof(x) == std::addressof(y)'), {{.*}}
// CHECK: memo-keyed-access.cpp:[[@LINE-2]]:83: note: where an object lies in memory is used as a value here
[[pure]] [[purecc::memo]] long same_in_helper(const long &a, const long &b) { return one_object(a, b); }
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'same_buffer': its code compares or subtracts addresses that may lie in different arguments ('a.data() == b.data()'), {{.*}}
[[pure]] [[purecc::memo]] long same_buffer(const std::vector<long> &a, const std::vector<long> &b) {
  return a.data() == b.data() ? 1 : 2;
  // CHECK: memo-keyed-access.cpp:[[@LINE-1]]:19: note: where an object lies in memory is used as a value here
}
const long limit = 10;
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'is_limit': its code compares or subtracts addresses that may lie in different arguments ('&a == &limit'), {{.*}}
[[pure]] [[purecc::memo]] long is_limit(const long &a) { return &a == &limit; }
// CHECK: memo-keyed-access.cpp:[[@LINE-1]]:68: note: where an object lies in memory is used as a value here

// A pointer the library reseats (`std::swap`) is traced no further.
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'swapped': its code compares or subtracts addresses that may lie in different arguments ('p == &a'), {{.*}}
[[pure]] [[purecc::memo]] long swapped(const long &a, const long &b) {
  const long *p = &a, *q = &b;
  std::swap(p, q);
  return p == &a;
  // CHECK: memo-keyed-access.cpp:[[@LINE-1]]:12: note: where an object lies in memory is used as a value here
}
// Nor one bound to a reference member or to a constructor's reference
// parameter, which may reseat it out of sight (adv64 F3).
struct PointerSlot { const long *&r; };
struct Repoint {
  Repoint(const long *&r, const long *to) { r = to; }
};
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'reseated_by_member': its code compares or subtracts addresses that may lie in different arguments ('p == &a'), {{.*}}
[[pure]] [[purecc::memo]] long reseated_by_member(const long &a, const long &b) {
  const long *p = &a;
  PointerSlot h{p};
  h.r = &b;
  return p == &a;
  // CHECK: memo-keyed-access.cpp:[[@LINE-1]]:12: note: where an object lies in memory is used as a value here
}
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'reseated_by_constructor': its code compares or subtracts addresses that may lie in different arguments ('p == &a'), {{.*}}
[[pure]] [[purecc::memo]] long reseated_by_constructor(const long &a, const long &b) {
  const long *p = &a;
  Repoint r(p, &b);
  return p == &a;
  // CHECK: memo-keyed-access.cpp:[[@LINE-1]]:12: note: where an object lies in memory is used as a value here
}
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'reseated_casting_const_away': its code compares or subtracts addresses that may lie in different arguments ('p == &a'), {{.*}}
[[pure]] [[purecc::memo]] long reseated_casting_const_away(const long &a, const long &b) {
  const long *p = &a;
  const long *const &r = p;
  const_cast<const long *&>(r) = &b;
  return p == &a;
  // CHECK: memo-keyed-access.cpp:[[@LINE-1]]:12: note: where an object lies in memory is used as a value here
}
// Compared in a function or a lambda given the addresses as pointers (G4).
[[pure]] bool same_address(const long *x, const long *y) { return x == y; }
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'compared_in_helper': its code compares or subtracts addresses that may lie in different arguments ('x == y'), {{.*}}
[[pure]] [[purecc::memo]] long compared_in_helper(const long &a, const long &b) {
  return a + same_address(&a, &b);
}
// CHECK: memo-keyed-access.cpp:[[@LINE-5]]:69: note: where an object lies in memory is used as a value here
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'compared_in_lambda': its code compares or subtracts addresses that may lie in different arguments ('x == y'), {{.*}}
[[pure]] [[purecc::memo]] long compared_in_lambda(const long &a, const long &b) {
  auto same = [](const long *x, const long *y) { return x == y; };
  // CHECK: memo-keyed-access.cpp:[[@LINE-1]]:59: note: where an object lies in memory is used as a value here
  return a + same(&a, &b);
}

// Addresses into a container taken by value, one taken before it grows and
// one after: they tell whether the capacity the caller left was full
// (reallocation, adv65 G6). Addresses taken after the growth are fine.
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'reallocated': its code compares addresses into a container taken by value ('p0 == v.data()') across 'v.push_back(0)', which moves the elements only when the capacity its caller left is full, and its memo key does not hold the capacity [purecc-memo-unsupported]
[[pure]] [[purecc::memo]] long reallocated(std::vector<long> v) {
  const long *p0 = v.data();
  v.push_back(0);
  return p0 == v.data();
  // CHECK: memo-keyed-access.cpp:[[@LINE-1]]:13: note: where an object lies in memory is used as a value here
}
[[pure]] [[purecc::memo]] long grown_then_walked(std::vector<long> v) {
  v.push_back(0);
  long s = 0;
  for (auto it = v.begin(); it != v.end(); ++it)
    s += *it;
  return s;
}
// (No error for 'grown_then_walked': --implicit-check-not=error.)

// Every growth counts, not only the first; so do a growth the next trip of
// a loop sees, a growth in a lambda (which may run anywhere it is called),
// an assignment, a library function given the container to grow, and an
// address held in an expression or a struct (adv65 G6 follow-up).
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'second_growth': its code compares addresses into a container taken by value ('p0 == v.data()') across 'v.push_back(2)', {{.*}}
[[pure]] [[purecc::memo]] long second_growth(std::vector<long> v) {
  v.push_back(1);
  const long *p0 = v.data();
  v.push_back(2);
  return p0 == v.data();
  // CHECK: memo-keyed-access.cpp:[[@LINE-1]]:13: note: where an object lies in memory is used as a value here
}
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'next_trip': its code compares addresses into a container taken by value ('p0 != v.data()') across 'v.push_back(i)', {{.*}}
[[pure]] [[purecc::memo]] long next_trip(std::vector<long> v) {
  const long *p0 = v.data();
  for (int i = 0; i < 3; ++i) {
    if (p0 != v.data())
      // CHECK: memo-keyed-access.cpp:[[@LINE-1]]:12: note: where an object lies in memory is used as a value here
      return i;
    v.push_back(i);
  }
  return 9;
}
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'lambda_grows': its code compares addresses into a container taken by value ('p0 == v.data()') across 'v.push_back(0)', {{.*}}
[[pure]] [[purecc::memo]] long lambda_grows(std::vector<long> v) {
  auto grow = [&] { v.push_back(0); };
  const long *p0 = v.data();
  grow();
  return p0 == v.data();
  // CHECK: memo-keyed-access.cpp:[[@LINE-1]]:13: note: where an object lies in memory is used as a value here
}
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'lambda_compares': its code compares addresses into a container taken by value ('p == v.data()') across 'v.push_back(0)', {{.*}}
[[pure]] [[purecc::memo]] long lambda_compares(std::vector<long> v) {
  auto same = [&](const long *p) { return p == v.data(); };
  // CHECK: memo-keyed-access.cpp:[[@LINE-1]]:45: note: where an object lies in memory is used as a value here
  const long *p0 = v.data();
  v.push_back(0);
  return same(p0);
}
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'assigned': its code compares addresses into a container taken by value ('p0 == v.data()') across 'v = {1, 2, 3, 4, 5, 6}', {{.*}}
[[pure]] [[purecc::memo]] long assigned(std::vector<long> v) {
  const long *p0 = v.data();
  v = {1, 2, 3, 4, 5, 6};
  return p0 == v.data();
  // CHECK: memo-keyed-access.cpp:[[@LINE-1]]:13: note: where an object lies in memory is used as a value here
}
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'back_inserted': its code compares addresses into a container taken by value ('p0 == v.data()') across 'std::back_inserter(v)', {{.*}}
[[pure]] [[purecc::memo]] long back_inserted(std::vector<long> v) {
  const long *p0 = v.data();
  std::fill_n(std::back_inserter(v), 3, 7L);
  return p0 == v.data();
  // CHECK: memo-keyed-access.cpp:[[@LINE-1]]:13: note: where an object lies in memory is used as a value here
}
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'offset_held': its code compares addresses into a container taken by value ('(p0 + 0) == v.data()') across 'v.push_back(2)', {{.*}}
[[pure]] [[purecc::memo]] long offset_held(std::vector<long> v) {
  const long *p0 = v.data();
  v.push_back(2);
  return (p0 + 0) == v.data();
  // CHECK: memo-keyed-access.cpp:[[@LINE-1]]:19: note: where an object lies in memory is used as a value here
}
struct HeldAddress { const long *p; };
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'struct_held': its code compares addresses into a container taken by value ('h.p == v.data()') across 'v.push_back(2)', {{.*}}
[[pure]] [[purecc::memo]] long struct_held(std::vector<long> v) {
  HeldAddress h{v.data()};
  v.push_back(2);
  return h.p == v.data();
  // CHECK: memo-keyed-access.cpp:[[@LINE-1]]:14: note: where an object lies in memory is used as a value here
}
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'string_appended': its code compares addresses into a container taken by value ('c0 == s.data()') across 's += "more than fifteen characters"', {{.*}}
[[pure]] [[purecc::memo]] long string_appended(std::string s) {
  const char *c0 = s.data();
  s += "more than fifteen characters";
  return c0 == s.data();
  // CHECK: memo-keyed-access.cpp:[[@LINE-1]]:13: note: where an object lies in memory is used as a value here
}
// Addresses taken after the last growth, or anew on each trip, are fine.
[[pure]] [[purecc::memo]] long walked_each_trip(std::vector<long> v) {
  long s = 0;
  for (int k = 0; k < 3; ++k) {
    v.push_back(k);
    const long *p0 = v.data();
    for (const long *p = p0; p != v.data() + v.size(); ++p)
      s += *p;
  }
  return s;
}
[[pure]] [[purecc::memo]] long sorted_then_walked(std::vector<long> v) {
  std::ranges::sort(v);
  v.pop_back();
  const long *p0 = v.data();
  v.clear();
  return p0 == v.data();
}
// (No error for 'walked_each_trip' or 'sorted_then_walked': sorting,
// 'pop_back' and 'clear' never move the elements.)

// An empty vector's 'data()' is null only when its caller gave it no
// capacity ('reserve'): the key, which holds the elements, is the same
// either way (null-buffer). Tested directly, through a local, a helper or
// a lambda given it, a member, a local moved from it; a string's 'data()'
// is never null, and a vector the function built itself is its own.
[[pure]] bool is_null(const long *p) { return p == nullptr; }
[[pure]] bool is_null_too(const long *p) { return is_null(p); }
struct BagOfLongs { std::vector<long> v; long k; };
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'null_data': its code tests whether 'v.data()' is null, which for an empty vector tells whether its caller gave it capacity, and its memo key holds only the elements [purecc-memo-unsupported]
[[pure]] [[purecc::memo]] long null_data(std::vector<long> v) { return v.data() == nullptr; }
// CHECK: memo-keyed-access.cpp:[[@LINE-1]]:81: note: where an object lies in memory is used as a value here
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'data_as_bool': its code tests whether 'v.data()' is null, {{.*}}
[[pure]] [[purecc::memo]] long data_as_bool(const std::vector<long> &v) { if (v.data()) return 7; return 8; }
// CHECK: memo-keyed-access.cpp:[[@LINE-1]]:79: note: where an object lies in memory is used as a value here
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'null_through_local': its code tests whether 'p' is null, {{.*}}
[[pure]] [[purecc::memo]] long null_through_local(std::vector<long> v) { const long *p = v.data(); return p ? 1 : 0; }
// CHECK: memo-keyed-access.cpp:[[@LINE-1]]:107: note: where an object lies in memory is used as a value here
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'null_in_helper': its code tests whether 'p' is null, {{.*}}
[[pure]] [[purecc::memo]] long null_in_helper(const std::vector<long> &v) { return is_null_too(v.data()); }
// CHECK: memo-keyed-access.cpp:[[@LINE-14]]:49: note: where an object lies in memory is used as a value here
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'null_in_lambda': its code tests whether 'p' is null, {{.*}}
[[pure]] [[purecc::memo]] long null_in_lambda(std::vector<long> v) {
  auto isn = [](const long *p) { return !p; };
  // CHECK: memo-keyed-access.cpp:[[@LINE-1]]:42: note: where an object lies in memory is used as a value here
  return isn(v.data());
}
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'null_member': its code tests whether 'b.v.data()' is null, {{.*}}
[[pure]] [[purecc::memo]] long null_member(BagOfLongs b) { return b.v.data() == nullptr; }
// CHECK: memo-keyed-access.cpp:[[@LINE-1]]:78: note: where an object lies in memory is used as a value here
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'null_moved': its code tests whether 'w.data()' is null, {{.*}}
[[pure]] [[purecc::memo]] long null_moved(std::vector<long> v) { std::vector<long> w = std::move(v); return nullptr == w.data(); }
// CHECK: memo-keyed-access.cpp:[[@LINE-1]]:117: note: where an object lies in memory is used as a value here
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'null_std_data': its code tests whether 'std::data(v)' is null, {{.*}}
[[pure]] [[purecc::memo]] long null_std_data(std::vector<long> v) { return std::data(v) != NULL; }
// CHECK: memo-keyed-access.cpp:[[@LINE-1]]:89: note: where an object lies in memory is used as a value here
[[pure]] [[purecc::memo]] long null_string_data(std::string s) { return s.data() == nullptr; }
[[pure]] [[purecc::memo]] long null_own_vector(std::vector<long> v) {
  std::vector<long> w(v.begin(), v.end());
  return w.data() == nullptr;
}
[[pure]] [[purecc::memo]] long null_local_array(std::vector<long> v) {
  long a[2] = {1, 2};
  return is_null(a) + long(v.size());
}
// (No error for 'null_string_data', 'null_own_vector' or 'null_local_array'.)

// The same through what holds the container or names it (adv67): a
// struct, a pair, an optional or a vector of vectors taken by value, a
// reference or a pointer to it, a local moved from it, 'std::distance'; and
// comparisons of a buffer with a value-initialized iterator or another
// vector's buffer, empty ones being null alike.
struct HoldsVector { std::vector<long> v; };
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'grown_member': its code compares addresses into a container taken by value ('p0 == s.v.data()') across 's.v.push_back(0)', {{.*}}
[[pure]] [[purecc::memo]] long grown_member(HoldsVector s) {
  const long *p0 = s.v.data();
  s.v.push_back(0);
  return p0 == s.v.data();
  // CHECK: memo-keyed-access.cpp:[[@LINE-1]]:13: note: where an object lies in memory is used as a value here
}
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'grown_inner': its code compares addresses into a container taken by value ('p == vv[0].data()') across 'vv[0].push_back(0)', {{.*}}
[[pure]] [[purecc::memo]] long grown_inner(std::vector<std::vector<long>> vv) {
  const long *p = vv[0].data();
  vv[0].push_back(0);
  return p == vv[0].data();
  // CHECK: memo-keyed-access.cpp:[[@LINE-1]]:12: note: where an object lies in memory is used as a value here
}
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'grown_optional': its code compares addresses into a container taken by value ('p == o->data()') across 'o->push_back(0)', {{.*}}
[[pure]] [[purecc::memo]] long grown_optional(std::optional<std::vector<long>> o) {
  const long *p = o->data();
  o->push_back(0);
  return p == o->data();
  // CHECK: memo-keyed-access.cpp:[[@LINE-1]]:12: note: where an object lies in memory is used as a value here
}
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'grown_by_reference': its code compares addresses into a container taken by value ('p0 == v.data()') across 'r.push_back(0)', {{.*}}
[[pure]] [[purecc::memo]] long grown_by_reference(std::vector<long> v) {
  std::vector<long> &r = v;
  const long *p0 = v.data();
  r.push_back(0);
  return p0 == v.data();
  // CHECK: memo-keyed-access.cpp:[[@LINE-1]]:13: note: where an object lies in memory is used as a value here
}
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'grown_by_pointer': its code compares addresses into a container taken by value ('p == v.data()') across 'pv->push_back(0)', {{.*}}
[[pure]] [[purecc::memo]] long grown_by_pointer(std::vector<long> v) {
  auto *pv = std::addressof(v);
  const long *p = v.data();
  pv->push_back(0);
  return p == v.data();
  // CHECK: memo-keyed-access.cpp:[[@LINE-1]]:12: note: where an object lies in memory is used as a value here
}
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'grown_moved': its code compares addresses ('p == w.data()') into 'w', which may hold storage its caller gave, across 'w.push_back(0)', {{.*}}
[[pure]] [[purecc::memo]] long grown_moved(std::vector<long> v) {
  std::vector<long> w = std::move(v);
  const long *p = w.data();
  w.push_back(0);
  return p == w.data();
  // CHECK: memo-keyed-access.cpp:[[@LINE-1]]:12: note: where an object lies in memory is used as a value here
}
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'grown_distance': its code compares addresses into a container taken by value ('std::distance(it, v.begin())') across 'v.push_back(0)', {{.*}}
[[pure]] [[purecc::memo]] long grown_distance(std::vector<long> v) {
  auto it = v.begin();
  v.push_back(0);
  return std::distance(it, v.begin());
  // CHECK: memo-keyed-access.cpp:[[@LINE-1]]:10: note: where an object lies in memory is used as a value here
}
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'null_iterator': its code tests whether 'v.begin()' is null, {{.*}}
[[pure]] [[purecc::memo]] long null_iterator(std::vector<long> v) { return v.begin() == std::vector<long>::iterator{}; }
// CHECK: memo-keyed-access.cpp:[[@LINE-1]]:86: note: where an object lies in memory is used as a value here
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'two_buffers': its code compares an address into a vector its caller filled with one into another object ('v.data() == w.data()'), which for empty vectors tells whether their callers gave them capacity, and its memo key holds only the elements [purecc-memo-unsupported]
[[pure]] [[purecc::memo]] long two_buffers(std::vector<long> v, std::vector<long> w) { return v.data() == w.data(); }
// CHECK: memo-keyed-access.cpp:[[@LINE-1]]:104: note: where an object lies in memory is used as a value here
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'own_empty_buffer': its code compares an address into a vector its caller filled with one into another object ('v.data() == w.data()'), {{.*}}
[[pure]] [[purecc::memo]] long own_empty_buffer(std::vector<long> v) { std::vector<long> w; return v.data() == w.data(); }
// CHECK: memo-keyed-access.cpp:[[@LINE-1]]:109: note: where an object lies in memory is used as a value here
struct HoldsString { std::string s; long k; };
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'in_place_member': its code compares an address into a string with the string object's own address ('reinterpret_cast<const char *>(&t) + 16 == t.s.data()'), {{.*}}
[[pure]] [[purecc::memo]] long in_place_member(HoldsString t) { return reinterpret_cast<const char *>(&t) + 16 == t.s.data(); }
// CHECK: memo-keyed-access.cpp:[[@LINE-1]]:112: note: where an object lies in memory is used as a value here
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'in_place_element': its code compares an address into a string with the string object's own address ('reinterpret_cast<const char *>(&v[0]) + 16 == v[0].data()'), {{.*}}
[[pure]] [[purecc::memo]] long in_place_element(std::vector<std::string> v) { return v.empty() ? 0 : reinterpret_cast<const char *>(&v[0]) + 16 == v[0].data(); }
// CHECK: memo-keyed-access.cpp:[[@LINE-1]]:145: note: where an object lies in memory is used as a value here
[[pure]] [[purecc::memo]] long walked_member(HoldsVector s) {
  long t = 0;
  s.v.push_back(1);
  for (const long *p = s.v.data(); p != s.v.data() + s.v.size(); ++p)
    t += *p;
  return t;
}
// (No error for 'walked_member': its addresses are all taken after the growth.)

// A short string keeps its characters inside the object unless its caller
// gave it capacity: comparing an address into them with the string's own
// address tells which (in-place). A copy the function made is its own.
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'in_place': its code compares an address into a string with the string object's own address ('s.data() >= b'), which tells whether its characters are kept inside the object, as the capacity its caller left decides, and its memo key does not hold the capacity [purecc-memo-unsupported]
[[pure]] [[purecc::memo]] long in_place(std::string s) {
  const char *b = reinterpret_cast<const char *>(&s);
  return s.data() >= b && s.data() < b + sizeof s;
  // CHECK: memo-keyed-access.cpp:[[@LINE-1]]:19: note: where an object lies in memory is used as a value here
}
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'in_place_addressof': its code compares an address into a string with the string object's own address ('static_cast<const void *>(std::addressof(r)) == &s[0]'), {{.*}}
[[pure]] [[purecc::memo]] long in_place_addressof(const std::string &s) {
  const std::string &r = s;
  return static_cast<const void *>(std::addressof(r)) == &s[0];
  // CHECK: memo-keyed-access.cpp:[[@LINE-1]]:55: note: where an object lies in memory is used as a value here
}
[[pure]] [[purecc::memo]] long in_place_copy(std::string s) {
  std::string t = s;
  const char *b = reinterpret_cast<const char *>(&t);
  return t.data() >= b && t.data() < b + sizeof t;
}
// (No error for 'in_place_copy'.)

// An address read back from where code stored it, or compared by the
// library (adv53): traced no further.
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'pair_first': its code compares or subtracts addresses that may lie in different arguments ('pr.first == pr.second'), {{.*}}
[[pure]] [[purecc::memo]] long pair_first(const long &a, const long &b) {
  auto pr = std::make_pair(&a, &b);
  return a + (pr.first == pr.second);
  // CHECK: memo-keyed-access.cpp:[[@LINE-1]]:24: note: where an object lies in memory is used as a value here
}
struct TwoPointers { const long *x, *y; };
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'struct_fields': its code compares or subtracts addresses that may lie in different arguments ('t.x < t.y'), {{.*}}
[[pure]] [[purecc::memo]] long struct_fields(const long &a, const long &b) {
  TwoPointers t{&a, &b};
  return a + (t.x < t.y);
  // CHECK: memo-keyed-access.cpp:[[@LINE-1]]:19: note: where an object lies in memory is used as a value here
}
struct TwoReferences { const long &x, &y; };
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'reference_fields': its code compares or subtracts addresses that may lie in different arguments ('&t.x == &t.y'), {{.*}}
[[pure]] [[purecc::memo]] long reference_fields(const long &a, const long &b) {
  TwoReferences t{a, b};
  return a + (&t.x == &t.y);
  // CHECK: memo-keyed-access.cpp:[[@LINE-1]]:20: note: where an object lies in memory is used as a value here
}
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'tied': its code compares or subtracts addresses that may lie in different arguments ('&std::get<0>(t) == &std::get<1>(t)'), {{.*}}
[[pure]] [[purecc::memo]] long tied(const long &a, const long &b) {
  auto t = std::tie(a, b);
  return a + (&std::get<0>(t) == &std::get<1>(t));
  // CHECK: memo-keyed-access.cpp:[[@LINE-1]]:31: note: where an object lies in memory is used as a value here
}
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'wrapped': its code compares or subtracts addresses that may lie in different arguments ('&ra.get() == &rb.get()'), {{.*}}
[[pure]] [[purecc::memo]] long wrapped(const long &a, const long &b) {
  auto ra = std::cref(a), rb = std::cref(b);
  return a + (&ra.get() == &rb.get());
  // CHECK: memo-keyed-access.cpp:[[@LINE-1]]:25: note: where an object lies in memory is used as a value here
}
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'element_pointers': its code compares or subtracts addresses that may lie in different arguments ('ps[0] == ps[1]'), {{.*}}
[[pure]] [[purecc::memo]] long element_pointers(const long &a, const long &b) {
  std::vector<const long *> ps{&a, &b};
  return a + (ps[0] == ps[1]);
  // CHECK: memo-keyed-access.cpp:[[@LINE-1]]:21: note: where an object lies in memory is used as a value here
}
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'equal_object': its code compares or subtracts addresses that may lie in different arguments ('std::equal_to<>{}(&a, &b)'), {{.*}}
[[pure]] [[purecc::memo]] long equal_object(const long &a, const long &b) { return a + std::equal_to<>{}(&a, &b); }
// CHECK: memo-keyed-access.cpp:[[@LINE-1]]:88: note: where an object lies in memory is used as a value here
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'ranges_equal_object': its code compares or subtracts addresses that may lie in different arguments ('std::ranges::equal_to{}(&a, &b)'), {{.*}}
[[pure]] [[purecc::memo]] long ranges_equal_object(const long &a, const long &b) {
  return a + std::ranges::equal_to{}(&a, &b);
  // CHECK: memo-keyed-access.cpp:[[@LINE-1]]:14: note: where an object lies in memory is used as a value here
}
// Through the library's call wrappers (adv64 F5).
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'invoked_equal_object': its code compares or subtracts addresses that may lie in different arguments ('std::invoke(std::equal_to<>{}, &a, &b)'), {{.*}}
[[pure]] [[purecc::memo]] long invoked_equal_object(const long &a, const long &b) {
  return a + std::invoke(std::equal_to<>{}, &a, &b);
  // CHECK: memo-keyed-access.cpp:[[@LINE-1]]:14: note: where an object lies in memory is used as a value here
}
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'invoked_typed_equal_object': its code compares or subtracts addresses that may lie in different arguments ('std::invoke(std::equal_to<const long *>{}, &a, &b)'), {{.*}}
[[pure]] [[purecc::memo]] long invoked_typed_equal_object(const long &a, const long &b) {
  return a + std::invoke(std::equal_to<const long *>{}, &a, &b);
  // CHECK: memo-keyed-access.cpp:[[@LINE-1]]:14: note: where an object lies in memory is used as a value here
}
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'largest_of_each': its code compares or subtracts addresses that may lie in different arguments ('std::ranges::max_element(x) == std::ranges::max_element(y)'), {{.*}}
[[pure]] [[purecc::memo]] long largest_of_each(const std::vector<long> &x, const std::vector<long> &y) {
  return std::ranges::max_element(x) == std::ranges::max_element(y);
  // CHECK: memo-keyed-access.cpp:[[@LINE-1]]:38: note: where an object lies in memory is used as a value here
}
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'find_pointer': its code compares or subtracts addresses that may lie in different arguments ('std::find(ps.begin(), ps.end(), &b) != ps.end()'), {{.*}}
[[pure]] [[purecc::memo]] long find_pointer(const long &a, const long &b) {
  std::vector<const long *> ps{&a};
  return std::find(ps.begin(), ps.end(), &b) != ps.end();
  // CHECK: memo-keyed-access.cpp:[[@LINE-1]]:46: note: where an object lies in memory is used as a value here
}
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'pointer_vectors': its code compares or subtracts addresses that may lie in different arguments ('ps == qs'), {{.*}}
[[pure]] [[purecc::memo]] long pointer_vectors(const long &a, const long &b) {
  std::vector<const long *> ps{&a}, qs{&b};
  return ps == qs;
  // CHECK: memo-keyed-access.cpp:[[@LINE-1]]:13: note: where an object lies in memory is used as a value here
}

// Addresses inside a tuple or variant, removed by `std::erase`, projected
// by a lambda (adv54 t04, t05, t07, t19).
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'tuple_of_addresses': its code compares or subtracts addresses that may lie in different arguments ('std::make_tuple(&a) == std::make_tuple(&b)'), {{.*}}
[[pure]] [[purecc::memo]] long tuple_of_addresses(const long &a, const long &b) {
  return a + (std::make_tuple(&a) == std::make_tuple(&b));
  // CHECK: memo-keyed-access.cpp:[[@LINE-1]]:35: note: where an object lies in memory is used as a value here
}
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'variant_of_address': its code compares or subtracts addresses {{.*}}
[[pure]] [[purecc::memo]] long variant_of_address(const long &a, const long &b) {
  return a + (std::variant<const long *>(&a) == std::variant<const long *>(&b));
  // CHECK: memo-keyed-access.cpp:[[@LINE-1]]:46: note: where an object lies in memory is used as a value here
}
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'erased': its code compares or subtracts addresses that may lie in different arguments ('std::erase(ps, &b)'), {{.*}}
[[pure]] [[purecc::memo]] long erased(const long &a, const long &b) {
  std::vector<const long *> ps{&a};
  return a + long(std::erase(ps, &b));
  // CHECK: memo-keyed-access.cpp:[[@LINE-1]]:19: note: where an object lies in memory is used as a value here
}
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'projected_count': its code compares or subtracts addresses {{.*}}
[[pure]] [[purecc::memo]] long projected_count(const std::vector<long> &v, const long &x) {
  return long(std::ranges::count(v, &x, [](const long &e) { return &e; }));
  // CHECK: memo-keyed-access.cpp:[[@LINE-1]]:15: note: where an object lies in memory is used as a value here
}
// A view reached through 'operator->' (adv54 t26).
// CHECK: memo-keyed-access.cpp:[[@LINE+1]]:12: error: cannot memoize 'optional_view': its code uses the view {{.*}}
[[pure]] [[purecc::memo]] long optional_view(const std::optional<std::string_view> &o) {
  return o ? o->data()[o->size()] : 0;
  // CHECK: memo-keyed-access.cpp:[[@LINE-1]]:17: note: {{.*}} is read here
}

// ---- argument-identity: addresses within one argument, memoized ----
[[pure]] [[purecc::memo]] long walk(const std::vector<long> &v, const long &key) {
  long h = 0;
  for (auto it = v.begin(); it != v.end(); ++it)
    h += *it;
  for (const long *p = v.data(); p != v.data() + v.size(); ++p)
    h ^= *p;
  if (std::find(v.begin(), v.end(), key) != v.end())
    h += 1;
  return h + (v.empty() ? 0 : &v.back() - &v.front()) + (&key != nullptr);
}
// CHECK: memo-keyed-access.cpp:[[@LINE-10]]:32: remark: calls to 'walk' are memoized (fingerprint {{.*}}) [purecc-memo]
// Pointers kept in a local vector and walked by its own iterators; a
// vector of pointers sorted by the values they point to; a map keyed by
// value holding pointers.
[[pure]] [[purecc::memo]] long pointers_within(const std::vector<long> &v, const long &key) {
  std::vector<const long *> ps;
  for (const long &x : v)
    ps.push_back(&x);
  std::sort(ps.begin(), ps.end(), [](const long *x, const long *y) { return *x < *y; });
  std::map<long, const long *> at;
  for (const long &x : v)
    at[x] = &x;
  long h = 0;
  for (auto it = ps.begin(); it != ps.end(); ++it)
    h = h * 3 + **it;
  auto found = at.find(key);
  return h + (found != at.end() ? *found->second : 0) + *std::ranges::max_element(v);
}
// CHECK: memo-keyed-access.cpp:[[@LINE-14]]:32: remark: calls to 'pointers_within' are memoized (fingerprint {{.*}}) [purecc-memo]

int main() {
  std::vector<std::string_view> words{"xyz", "xyw"};
  long a = 1, b = 2;
  std::vector<long> v{1, 2, 3};
  return int(free_data("xy") + ranges_data("xy") + free_end("xy") + next_to_last("xy") +
             through_helper("xy") + last_element("xy") + as_span("xy") + copied("xy") +
             first_word_end(words) + within("k=v") + same(a, b) + apart(a, b) +
             same_in_helper(a, b) + same_buffer(v, v) + is_limit(a) + swapped(a, b) + walk(v, a) +
             pair_first(a, b) + struct_fields(a, b) + reference_fields(a, b) + tied(a, b) +
             wrapped(a, b) + element_pointers(a, b) + equal_object(a, b) + ranges_equal_object(a, b) +
             largest_of_each(v, v) + find_pointer(a, b) + pointer_vectors(a, b) +
             pointers_within(v, a) + tuple_of_addresses(a, b) + variant_of_address(a, b) +
             erased(a, b) + projected_count(v, a) + optional_view(std::string_view("xy"))) & 1;
}
