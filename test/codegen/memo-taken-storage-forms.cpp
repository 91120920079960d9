// Memo keys and storage that changes hands, in the forms people write
// (adv68: each was memoized, and a call given a vector or string its caller
// had reserved capacity for returned what a tight copy had cached). A local
// that may hold a caller's buffer is now any one not built here from plain
// values (ContainerGrowth.h): taken by a swap through the library's swap
// objects, a member assignment, a struct, optional or container it was
// moved into, a tie, a lambda's result. A reference kept by 'std::ref' or
// returned by a lambda lets it grow anywhere; a tuple-like binding, a
// 'std::get' and an address kept in a struct are followed; the library
// taking a string by 'std::move' moves it out.
// RUN: not %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 -ferror-limit=0 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: not test -e %t.out.cpp

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

struct H { std::vector<long> v; long k; };
struct Ptr { const char *p; };

// CHECK: memo-taken-storage-forms.cpp:[[@LINE+1]]:12: error: cannot memoize 'into_struct': its code compares addresses ('p == h.v.data()') into 'h', which may hold storage its caller gave, across 'h.v.push_back(1)', {{.*}}
[[pure]] [[purecc::memo]] long into_struct(std::vector<long> v) {
  H h{std::move(v), 1};
  const long *p = h.v.data();
  h.v.push_back(1);
  return p == h.v.data();
}
// CHECK: memo-taken-storage-forms.cpp:[[@LINE+1]]:12: error: cannot memoize 'into_vv': its code compares addresses ('p == w[0].data()') into 'w', which may hold storage its caller gave, across 'w[0].push_back(1)', {{.*}}
[[pure]] [[purecc::memo]] long into_vv(std::vector<long> v) {
  std::vector<std::vector<long>> w;
  w.push_back(std::move(v));
  const long *p = w[0].data();
  w[0].push_back(1);
  return p == w[0].data();
}
// CHECK: memo-taken-storage-forms.cpp:[[@LINE+1]]:12: error: cannot memoize 'iter_sw': its code compares addresses ('p == u.data()') into 'u', which may hold storage its caller gave, across 'u.push_back(1)', {{.*}}
[[pure]] [[purecc::memo]] long iter_sw(std::vector<std::vector<long>> vv) {
  std::vector<long> u;
  std::iter_swap(vv.begin(), &u);
  const long *p = u.data();
  u.push_back(1);
  return p == u.data();
}
// CHECK: memo-taken-storage-forms.cpp:[[@LINE+1]]:12: error: cannot memoize 'lambda_ret': its code compares addresses ('p == w.data()') into 'w', which may hold storage its caller gave, across 'w.push_back(1)', {{.*}}
[[pure]] [[purecc::memo]] long lambda_ret(std::vector<long> v) {
  auto w = [&] { return std::move(v); }();
  const long *p = w.data();
  w.push_back(1);
  return p == w.data();
}
// CHECK: memo-taken-storage-forms.cpp:[[@LINE+1]]:12: error: cannot memoize 'op_assign': its code compares addresses ('p == u.data()') into 'u', which may hold storage its caller gave, across 'u.push_back(1)', {{.*}}
[[pure]] [[purecc::memo]] long op_assign(std::vector<long> v) {
  std::vector<long> u;
  u.operator=(std::move(v));
  const long *p = u.data();
  u.push_back(1);
  return p == u.data();
}
// CHECK: memo-taken-storage-forms.cpp:[[@LINE+1]]:12: error: cannot memoize 'opt_emplace': its code compares addresses ('p == o->data()') into 'o', which may hold storage its caller gave, across 'o->push_back(1)', {{.*}}
[[pure]] [[purecc::memo]] long opt_emplace(std::vector<long> v) {
  std::optional<std::vector<long>> o;
  o.emplace(std::move(v));
  const long *p = o->data();
  o->push_back(1);
  return p == o->data();
}
// CHECK: memo-taken-storage-forms.cpp:[[@LINE+1]]:12: error: cannot memoize 'ranges_swap': its code compares addresses ('p == u.data()') into 'u', which may hold storage its caller gave, across 'u.push_back(1)', {{.*}}
[[pure]] [[purecc::memo]] long ranges_swap(std::vector<long> v) {
  std::vector<long> u;
  std::ranges::swap(u, v);
  const long *p = u.data();
  u.push_back(1);
  return p == u.data();
}
// CHECK: memo-taken-storage-forms.cpp:[[@LINE+1]]:12: error: cannot memoize 'str_assign': its code compares addresses ('p == u.data()') into 'u', which may hold storage its caller gave, across 'u.push_back('x')', {{.*}}
[[pure]] [[purecc::memo]] long str_assign(std::string s) {
  std::string u;
  u.assign(std::move(s));
  const char *p = u.data();
  u.push_back('x');
  return p == u.data();
}
// CHECK: memo-taken-storage-forms.cpp:[[@LINE+1]]:12: error: cannot memoize 'tie_moved': its code compares addresses ('p == u.data()') into 'u', which may hold storage its caller gave, across 'u.push_back(k)', {{.*}}
[[pure]] [[purecc::memo]] long tie_moved(std::vector<long> v) {
  std::vector<long> u; long k;
  std::tie(u, k) = std::make_pair(std::move(v), 1L);
  const long *p = u.data();
  u.push_back(k);
  return p == u.data();
}
// CHECK: memo-taken-storage-forms.cpp:[[@LINE+1]]:12: error: cannot memoize 'lambda_ref': its code compares addresses into a container taken by value ('p == v.data()') across 'v', {{.*}}
[[pure]] [[purecc::memo]] long lambda_ref(std::vector<long> v) {
  auto get = [&]() -> std::vector<long> & { return v; };
  const long *p = get().data();
  get().push_back(1);
  return p == v.data();
}
// CHECK: memo-taken-storage-forms.cpp:[[@LINE+1]]:12: error: cannot memoize 'std_ref': its code compares addresses into a container taken by value ('p == v.data()') across 'std::ref(v)', {{.*}}
[[pure]] [[purecc::memo]] long std_ref(std::vector<long> v) {
  auto r = std::ref(v);
  const long *p = v.data();
  r.get().push_back(1);
  return p == v.data();
}
// CHECK: memo-taken-storage-forms.cpp:[[@LINE+1]]:12: error: cannot memoize 'pair_bind': its code compares addresses into a container taken by value ('p == w.data()') across 'w.push_back(k)', {{.*}}
[[pure]] [[purecc::memo]] long pair_bind(std::pair<std::vector<long>, long> pr) {
  auto &[w, k] = pr;
  const long *p = w.data();
  w.push_back(k);
  return p == w.data();
}
// CHECK: memo-taken-storage-forms.cpp:[[@LINE+1]]:12: error: cannot memoize 'tuple_elem': its code uses 'c', an address into a string's characters, after 'std::move(std::get<0>(tp))' moves th{{.*}}
[[pure]] [[purecc::memo]] long tuple_elem(std::tuple<std::string, long> tp) {
  const char *c = std::get<0>(tp).data();
  std::string t = std::move(std::get<0>(tp));
  return c == t.data();
}
// CHECK: memo-taken-storage-forms.cpp:[[@LINE+1]]:12: error: cannot memoize 'stored_ptr': its code uses 'h', an address into a string's characters, after 'std::move(s)' moves them out: they g{{.*}}
[[pure]] [[purecc::memo]] long stored_ptr(std::string s) {
  Ptr h{s.data()};
  std::string t = std::move(s);
  return h.p == t.data();
}
// CHECK: memo-taken-storage-forms.cpp:[[@LINE+1]]:12: error: cannot memoize 'ranges_swap_string': its code uses 'c', an address into a string's characters, after 'std::ranges::swap(s, u)' mov{{.*}}
[[pure]] [[purecc::memo]] long ranges_swap_string(std::string s) {
  const char *c = s.data();
  std::string u;
  std::ranges::swap(s, u);
  return c == u.data();
}
// CHECK: memo-taken-storage-forms.cpp:[[@LINE+1]]:12: error: cannot memoize 'made_pair': its code uses 'c', an address into a string's characters, after 'std::make_pair(std::move(s), 1)' move{{.*}}
[[pure]] [[purecc::memo]] long made_pair(std::string s) {
  const char *c = s.data();
  auto pr = std::make_pair(std::move(s), 1);
  return c == pr.first.data();
}
// CHECK: memo-taken-storage-forms.cpp:[[@LINE+1]]:12: error: cannot memoize 'iter_swapped': its code compares addresses into a container taken by value ('c == vs[1].data()') across 'std::iter_swap(vs.begin(), vs.begin() + 1)', {{.*}}
[[pure]] [[purecc::memo]] long iter_swapped(std::vector<std::string> vs) {
  const char *c = vs[0].data();
  std::iter_swap(vs.begin(), vs.begin() + 1);
  return c == vs[1].data();
}

// Built here from values: its own capacity, memoized.
[[pure]] [[purecc::memo]] long built_here(std::vector<long> v) {
// CHECK: memo-taken-storage-forms.cpp:[[@LINE-1]]:32: remark: calls to 'built_here' are memoized (fingerprint {{.*}}) [purecc-memo]
  std::vector<long> b(v.begin(), v.end());
  const long *p = b.data();
  b.push_back(3);
  return (long)v.size() + (p == b.data());
}
// Swapped and moved only among locals built here: still its own.
[[pure]] [[purecc::memo]] long swapped_own(const std::vector<long> &v) {
// CHECK: memo-taken-storage-forms.cpp:[[@LINE-1]]:32: remark: calls to 'swapped_own' are memoized (fingerprint {{.*}}) [purecc-memo]
  std::vector<long> a(v.begin(), v.end()), b{1, 2, 3};
  a.swap(b);
  std::swap(a, b);
  std::vector<long> c = std::move(a);
  a = std::move(b);
  const long *p = c.data();
  c.push_back(1);
  return (p == c.data()) + (long)a.size();
}
// One of them swapped with a caller's: all that exchanged storage with it
// may hold the caller's buffer.
// CHECK: memo-taken-storage-forms.cpp:[[@LINE+1]]:12: error: cannot memoize 'swap_chain': its code compares addresses ('p == a.data()') into 'a', which may hold storage its caller gave, across 'a.push_back(1)', {{.*}}
[[pure]] [[purecc::memo]] long swap_chain(std::vector<long> v) {
  std::vector<long> a{1, 2, 3}, b{7};
  a.swap(b);
  b.swap(v);
  std::swap(a, b);
  const long *p = a.data();
  a.push_back(1);
  return p == a.data();
}
// CHECK: memo-taken-storage-forms.cpp:[[@LINE+1]]:12: error: cannot memoize 'moved_later': its code compares addresses ('p == b.data()') into 'b', which may hold storage its caller gave, across 'b.push_back(1)', {{.*}}
[[pure]] [[purecc::memo]] long moved_later(std::vector<long> v) {
  std::vector<long> a{1, 2, 3};
  std::vector<long> b = std::move(a);
  a = std::move(v);
  b.swap(a);
  const long *p = b.data();
  b.push_back(1);
  return p == b.data();
}

int main() { return 0; }
