// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
//
// Proxy references (analysis/StdlibPurity.def, PURECC_STD_PROXY): the
// element of a std::vector<bool> or a std::bitset is a bit of a shared word,
// handed out as a temporary object that stands for it. Writing through one
// writes the container it came from: fine on a local, a violation on a
// parameter or a global, named by what the user wrote (the container), never
// by the library's proxy class.
#include <bitset>
#include <map>
#include <set>
#include <unordered_map>
#include <utility>
#include <valarray>
#include <vector>

// The sieve of Eratosthenes over a local std::vector<bool>.
[[pure]] long sieve(long n) {
  std::vector<bool> comp(n + 1, false);
  long c = 0;
  for (long i = 2; i <= n; ++i) {
    if (comp[i])
      continue;
    ++c;
    for (long j = i * i; j <= n; j += i)
      comp[j] = true;
  }
  return c;
}

// Every way to reach a local bit: iterators, range-for by reference, a
// proxy kept in a variable, flip, swap of two proxies, push_back.
[[pure]] long local_bits(long n) {
  std::vector<bool> v(n);
  for (auto it = v.begin(); it != v.end(); ++it)
    *it = true;
  for (auto &&r : v)
    r = !r;
  auto p = v[0];
  p = true;
  std::vector<bool>::reference q = v[1];
  q = p;
  v[2].flip();
  v.flip();
  std::vector<bool>::swap(v[0], v[3]);
  v.push_back(true);
  long c = 0;
  for (bool b : v)
    c += b;
  return c + v.back();
}

[[pure]] long local_bitset(unsigned x) {
  std::bitset<64> b(x);
  b[x % 64] = true;
  b[2].flip();
  b[3] = b[4];
  return static_cast<long>(b.count()) + b[x % 64] + ~b[5];
}

[[pure]] double local_slices(long n) {
  std::valarray<double> v(1.0, n);
  v[std::slice(0, n / 2, 2)] = 3.0;
  v[std::gslice(1, {2}, {2})] = 4.0;
  v[v > 3.5] = 5.0;
  return v.sum();
}

// Node handles and a bucket's local iterators on locals.
[[pure]] long local_nodes(long n) {
  std::map<long, long> m{{n, 1}};
  auto nh = m.extract(n);
  nh.key() = n + 1;
  nh.mapped() = 7;
  m.insert(std::move(nh));
  std::set<long> s{1, 2, 3};
  auto sn = s.extract(2);
  sn.value() = n;
  auto r = s.insert(std::move(sn));
  std::unordered_map<long, long> u{{n, 2}};
  long t = 0;
  for (auto it = u.begin(0); it != u.end(0); ++it)
    t += it->second;
  return m.begin()->second + *s.rbegin() + r.inserted + t;
}

// Through a parameter or a global: a write of that object.
std::vector<bool> g_flags(64);
std::bitset<64> g_bits;
[[pure]] long mark(std::vector<bool> &comp, long j) { // expected-note 2 {{'mark' declared pure here}} expected-error {{pure function 'mark' takes parameter 'comp' by non-const reference}}
  comp[j] = true; // expected-error {{pure function 'mark' writes through parameter 'comp'}}
  return j;
}
[[pure]] long mark_global(long j) { // expected-note 5 {{'mark_global' declared pure here}}
  g_flags[j] = true; // expected-error {{pure function 'mark_global' writes to global 'g_flags'}}
  auto it = g_flags.begin() + 1; // expected-note {{'it' refers to 'g_flags' here}} expected-error {{pure function 'mark_global' reads mutable global 'g_flags'}}
  *it = false; // expected-error {{pure function 'mark_global' writes to global 'g_flags'}}
  g_bits[j % 64].flip(); // expected-error {{pure function 'mark_global' writes to global 'g_bits'}}
  std::vector<bool>::swap(g_flags[0], g_flags[1]); // expected-error {{pure function 'mark_global' writes to global 'g_flags'}}
  return j;
}
// Reading a parameter's bits is fine.
[[pure]] long count_set(const std::vector<bool> &v) {
  long c = 0;
  for (std::size_t i = 0; i < v.size(); ++i)
    c += v[i];
  for (auto it = v.begin(); it != v.end(); ++it)
    c += *it;
  return c;
}
// A proxy handed to a helper: the helper writes what it stands for.
[[pure]] void set_bit(std::vector<bool>::reference r) { r = true; } // expected-note {{'set_bit' declared pure here}} expected-error {{pure function 'set_bit' writes through parameter 'r'}}
[[pure]] long via_helper(long n) {
  std::vector<bool> v(n);
  set_bit(v[0]);
  return v[0];
}
