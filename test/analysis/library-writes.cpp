// RUN: %purecc check %s -- -std=c++20 -ferror-limit=0 -Xclang -verify
//
// Library calls that write through what they are given: each write to a
// global through an output iterator, a view, a pointer a member copies
// characters to, a reference a tuple holds or a C memory function is an
// error naming the global (or the pointer it goes through); the same call
// on a local is accepted. std::move(first, last, out) is the algorithm, not
// std::move(x); std::remove(path) deletes a file; the C spellings of the
// math functions (`::sinf`, `::nextafterl`) are the functions they suffix.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <math.h>
#include <memory>
#include <numeric>
#include <ranges>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

std::vector<int> g(8);
int ga[8];
int *const gp = ga; // expected-note 2 {{'gp' refers to 'ga' here}}
char gbuf[16];
const std::vector<int> gc{1, 2, 3};

// --- std::move(first, last, out) is the algorithm, not std::move(x) ---------
[[pure]] int move_to_global(std::vector<int> v) { // expected-note {{'move_to_global' declared pure here}}
  std::move(v.begin(), v.end(), g.begin()); // expected-error {{pure function 'move_to_global' writes to global 'g'}}
  return v[0];
}
[[pure]] int move_to_array(std::vector<int> v) { // expected-note {{'move_to_array' declared pure here}}
  std::move(v.begin(), v.end(), ga); // expected-error {{pure function 'move_to_array' writes to global 'ga'}}
  return v[0];
}
[[pure]] int move_through_const_pointer(int x) { // expected-note {{'move_through_const_pointer' declared pure here}}
  int a[4] = {x, x, x, x};
  std::move(a, a + 4, gp); // expected-error {{pure function 'move_through_const_pointer' writes through pointer 'gp' that may point to memory it does not own}}
  return x;
}
[[pure]] int move_to_local(std::vector<int> v) {
  std::vector<int> w(v.size());
  std::move(v.begin(), v.end(), w.begin());
  std::move_backward(w.begin(), w.end(), v.end());
  std::string s = "ab";
  std::string t = std::move(s);
  return w[0] + int(t.size());
}

// --- std::remove(path) deletes a file; the algorithm writes its range -------
[[pure]] int remove_file(const char *path) { // expected-note {{'remove_file' declared pure here}}
  return std::remove(path); // expected-error {{pure function 'remove_file' calls 'std::remove', which deletes a file}}
}
[[pure]] int remove_value(std::vector<int> v) {
  return int(std::remove(v.begin(), v.end(), 3) - v.begin());
}

// --- Views of a global: written through, read through ------------------------
[[pure]] int fill_take(int x) { // expected-note {{'fill_take' declared pure here}}
  std::ranges::fill(g | std::views::take(2), x); // expected-error {{pure function 'fill_take' writes to global 'g'}}
  return x;
}
[[pure]] int sort_reverse(int x) { // expected-note {{'sort_reverse' declared pure here}}
  std::ranges::sort(std::views::reverse(g)); // expected-error {{pure function 'sort_reverse' writes to global 'g'}}
  return x;
}
[[pure]] int copy_into_drop(std::vector<int> v) { // expected-note {{'copy_into_drop' declared pure here}}
  std::ranges::copy(v, std::views::drop(g, 1).begin()); // expected-error {{pure function 'copy_into_drop' writes to global 'g'}}
  return v[0];
}
[[pure]] int span_front(int x) { // expected-note {{'span_front' declared pure here}}
  std::span<int>(g).front() = x; // expected-error {{pure function 'span_front' writes to global 'g'}}
  return x;
}
[[pure]] int span_index(int x) { // expected-note {{'span_index' declared pure here}}
  (std::span(g))[0] = x; // expected-error {{pure function 'span_index' writes to global 'g'}}
  return x;
}
[[pure]] int fill_subrange(int x) { // expected-note {{'fill_subrange' declared pure here}}
  std::ranges::fill(std::ranges::subrange(g.begin(), g.end()), x); // expected-error {{pure function 'fill_subrange' writes to global 'g'}}
  return x;
}
[[pure]] int fill_counted(int x) { // expected-note {{'fill_counted' declared pure here}}
  std::ranges::fill(std::views::counted(gp, 2), x); // expected-error {{pure function 'fill_counted' writes through pointer 'gp' that may point to memory it does not own}}
  return x;
}
[[pure]] int read_take(int x) { // expected-note 2 {{'read_take' declared pure here}}
  int s = 0;
  for (int e : g | std::views::take(2)) // expected-error 2 {{pure function 'read_take' reads mutable global 'g'}} expected-note {{refers to 'g' here}}
    s += e;
  return s + x;
}
[[pure]] int read_const_global(int x) {
  int s = 0;
  for (int e : gc | std::views::take(2) | std::views::reverse)
    s += e;
  return s + x;
}
[[pure]] int views_of_local(int x) {
  std::vector<int> l(4, x);
  std::ranges::fill(l | std::views::take(2), x);
  std::ranges::sort(std::views::reverse(l));
  std::ranges::copy(std::vector<int>{1}, std::views::drop(l, 1).begin());
  std::span<int>(l).front() = x;
  (std::span(l))[1] = x;
  std::ranges::fill(std::ranges::subrange(l.begin(), l.end()), x);
  std::ranges::fill(std::views::counted(l.data(), 2), x);
  int s = 0;
  for (int e : l | std::views::drop(1) | std::views::reverse)
    s += e;
  return s;
}
// The views whose iterators have names of their own (libstdc++'s
// join_view::_Iterator, lazy_split_view::_InnerIter): over a local they are
// values; through a pointer that may point elsewhere, a write is an error.
[[pure]] long views_everyday(long x) {
  std::vector<std::vector<long>> rows{{1}, {2, x}};
  long s = 0;
  for (long e : rows | std::views::join)
    s += e;
  std::string text = "a,b c";
  for (auto piece : text | std::views::split(','))
    for (char c : piece)
      s += c;
  for (auto piece : text | std::views::lazy_split(' '))
    for (char c : piece)
      s += c;
  std::vector<long> v{3, 1, x, 2};
  auto gone = std::ranges::remove(v, 2);
  v.erase(gone.begin(), gone.end());
  for (long e : v | std::views::take_while([](long a) { return a < 3; }))
    s += e;
  for (long e : std::views::counted(v.begin(), 2))
    s += e;
  std::vector<std::pair<long, long>> kv{{1, 2}, {x, 3}};
  for (long k : kv | std::views::keys)
    s += k;
  for (long k : kv | std::views::elements<1>)
    s += k;
  for (auto piece : text | std::views::lazy_split(','))
    for (char &c : piece)
      c = 'x';
  return s + long(text.size());
}
[[pure]] int split_through_pointer() { // expected-note 3 {{'split_through_pointer' declared pure here}}
  // lazy_split compares the elements of 'ga' with 0: a read through 'gp'.
  for (auto piece : std::span<int>(gp, 4) | std::views::lazy_split(0))
    for (int &e : piece) // expected-error {{pure function 'split_through_pointer' reads mutable global 'ga'}}
      e = 1; // expected-error {{pure function 'split_through_pointer' writes through pointer 'gp' that may point to memory it does not own}}
  for (auto piece : std::span<int>(gp, 4) | std::views::split(0))
    for (int &e : piece)
      e = 2; // expected-error {{pure function 'split_through_pointer' writes through pointer 'gp' that may point to memory it does not own}}
  return 0;
}

// --- C spellings of the math functions --------------------------------------
[[pure]] double c_math(float f, long double l) {
  float ip = 0;
  int e = 0;
  return ::sinf(f) + double(::nextafterl(l, 0.0L)) + fabsf(f) + sqrtf(f) + ::cbrtf(f) +
         double(::fmodl(l, 2.0L)) + double(::lroundf(f)) + ::modff(f, &ip) + ip +
         double(::frexpl(l, &e)) + e + ::ldexpf(f, 2) + double(::fmal(l, l, l));
}
[[pure]] float c_rint(float f) { // expected-note {{'c_rint' declared pure here}}
  return ::rintf(f); // expected-error {{pure function 'c_rint' calls 'rintf', which depends on the floating-point environment}}
}
int g_exp;
[[pure]] double c_frexp_global(long double l) { // expected-note {{'c_frexp_global' declared pure here}}
  return double(::frexpl(l, &g_exp)); // expected-error {{pure function 'c_frexp_global' writes to global 'g_exp'}}
}

// --- C string and memory functions ---------------------------------------------
[[pure]] int c_memory_global(int x) { // expected-note 5 {{'c_memory_global' declared pure here}}
  int a[4] = {x, x, x, x};
  std::memcpy(ga, a, sizeof a); // expected-error {{pure function 'c_memory_global' writes to global 'ga'}}
  memmove(ga + 1, a, sizeof(int)); // expected-error {{pure function 'c_memory_global' writes to global 'ga'}}
  memset(ga, 0, sizeof ga); // expected-error {{pure function 'c_memory_global' writes to global 'ga'}}
  strcpy(gbuf, "ab"); // expected-error {{pure function 'c_memory_global' writes to global 'gbuf'}}
  strncat(gbuf, "cd", 1); // expected-error {{pure function 'c_memory_global' writes to global 'gbuf'}}
  return x;
}
[[pure]] int c_memory_local(const char *p, const char *q) {
  int a[4] = {1, 2, 3, 4}, b[4];
  char s[16];
  std::memcpy(b, a, sizeof a);
  memmove(b + 1, b, sizeof(int));
  memset(a, 0, sizeof a);
  strcpy(s, "ab");
  strncat(s, "cd", 1);
  return b[0] + a[0] + s[2] + int(strlen(p)) + strcmp(p, q) + memcmp(p, q, 1);
}

// Members that copy characters out to a pointer they are given.
char *const gpb = gbuf;
[[pure]] int copy_out(const std::string &s, std::string_view v) { // expected-note 5 {{'copy_out' declared pure here}}
  s.copy(gpb, 2); // expected-error {{pure function 'copy_out' writes through pointer 'gpb' that may point to memory it does not own}}
  v.copy(gpb, 2); // expected-error {{pure function 'copy_out' writes through pointer 'gpb' that may point to memory it does not own}}
  std::char_traits<char>::copy(gpb, "ab", 2); // expected-error {{pure function 'copy_out' writes through pointer 'gpb' that may point to memory it does not own}}
  std::char_traits<char>::move(gpb, "ab", 2); // expected-error {{pure function 'copy_out' writes through pointer 'gpb' that may point to memory it does not own}}
  std::char_traits<char>::assign(gpb, 2, 'a'); // expected-error {{pure function 'copy_out' writes through pointer 'gpb' that may point to memory it does not own}}
  return 0;
}
[[pure]] int copy_out_local(const std::string &s) {
  char b[4] = {};
  s.copy(b, 2);
  std::string_view(s).copy(b, 1);
  std::char_traits<char>::copy(b, "ab", 2);
  std::char_traits<char>::assign(b, 1, 'c');
  return b[0];
}

// An allocator's construct and destroy write the object they are given.
[[pure]] int construct_global(int x) { // expected-note 2 {{'construct_global' declared pure here}}
  std::allocator<int> a;
  std::allocator_traits<std::allocator<int>>::construct(a, gp, x); // expected-error {{pure function 'construct_global' writes through pointer 'gp' that may point to memory it does not own}}
  std::allocator_traits<std::allocator<int>>::destroy(a, gp); // expected-error {{pure function 'construct_global' writes through pointer 'gp' that may point to memory it does not own}}
  return x;
}
[[pure]] int construct_local(int x) {
  std::allocator<int> a;
  int *p = a.allocate(1);
  std::allocator_traits<std::allocator<int>>::construct(a, p, x);
  int r = *p;
  std::allocator_traits<std::allocator<int>>::destroy(a, p);
  a.deallocate(p, 1);
  return r;
}

// --- A reference a tuple holds ----------------------------------------------
int gi;
[[pure]] int get_of_tuple(int x) { // expected-note 2 {{'get_of_tuple' declared pure here}}
  std::tuple<int &> t(*gp); // expected-error {{pure function 'get_of_tuple' reads mutable global 'ga'}}
  std::get<0>(t) = x; // expected-error {{pure function 'get_of_tuple' writes through pointer 'gp' that may point to memory it does not own}}
  return x;
}
[[pure]] int get_of_pair(int x) { // expected-note 2 {{'get_of_pair' declared pure here}}
  std::pair<int &, int> p(gi, 1); // expected-error {{pure function 'get_of_pair' reads mutable global 'gi'}} expected-note {{'p' refers to 'gi' here}}
  std::get<0>(p) = x; // expected-error {{pure function 'get_of_pair' writes to global 'gi'}}
  return x;
}
[[pure]] int get_of_local_tuple(int x) {
  int a = 0;
  std::tuple<int &, int> t(a, 2);
  std::get<0>(t) = x;
  std::tuple<int, int> u(1, 2);
  std::get<1>(u) = x;
  return a + std::get<1>(u);
}

// A std::ranges algorithm that writes its range, given a view or span, writes
// what it views, not the view (adv87 F10: a subrange taken by value was
// sorted and filled unseen, and a parallel reader saw zeros). It reads the
// range it copies from.
#include <ranges>
#include <span>
using Window = std::ranges::subrange<std::vector<long>::iterator>;
[[pure]] long zap(Window w) { std::ranges::fill(w, 0); return 0; } // expected-error {{pure function 'zap' writes through parameter 'w' [purecc-param-write]}} expected-note {{'zap' declared pure here}}
[[pure]] long order(Window w) { std::ranges::sort(w); return 0; } // expected-error {{pure function 'order' writes through parameter 'w' [purecc-param-write]}} expected-note {{'order' declared pure here}}
struct Held { long *p; };
[[pure]] long zap_held(const Held &h) { std::span<long> s(h.p, 3); std::ranges::fill(s, 0); return 0; } // expected-error {{pure function 'zap_held' writes through pointer member 'p' that may point to memory it does not own [purecc-nonlocal-write]}} expected-note {{'zap_held' declared pure here}}
[[pure]] long own_views(long n) {
  std::vector<long> v(4, n);
  long a[4] = {4, 3, 2, 1};
  std::span<long> s(a);
  std::ranges::fill(s, 0);
  std::ranges::sort(std::span<long>(a, 4));
  Window w(v.begin(), v.end());
  std::ranges::fill(w, 1);
  std::ranges::sort(v | std::views::take(2));
  std::vector<long> out(4);
  std::ranges::copy(s, out.begin());
  return v[0] + a[0] + out[0];
}
[[pure]] long copy_from(std::span<const long> src) { std::vector<long> out(src.size()); std::ranges::copy(src, out.begin()); return out.empty() ? 0 : out[0]; }

// `out = x` of an insert iterator inserts into its container, as `*out = x`
// does (adv87 F09).
#include <iterator>
[[pure]] long emit(std::back_insert_iterator<std::vector<long>> out, long x) { out = x; return x; } // expected-error {{pure function 'emit' writes through parameter 'out' [purecc-param-write]}} expected-note {{'emit' declared pure here}}
[[pure]] long emit_at(std::insert_iterator<std::vector<long>> out, long x) { out = x; return x; } // expected-error {{pure function 'emit_at' writes through parameter 'out' [purecc-param-write]}} expected-note {{'emit_at' declared pure here}}
[[pure]] long emit_own(long x) { std::vector<long> v; auto out = std::back_inserter(v); out = x; *out = x + 1; return long(v.size()); }

// A std::ranges algorithm that writes its range and hands back a subrange
// of it (remove_if, rotate, unique, partition) is not a view being made
// (adv88 F3: each passed on the caller's vector and on a span).
struct Shared { std::vector<long> *v; };
[[pure]] long removed(const Shared &s) { auto r = std::ranges::remove_if(*s.v, [](long x) { return x % 2 == 0; }); return long(r.size()); } // expected-error {{pure function 'removed' writes through pointer member 'v' that may point to memory it does not own [purecc-nonlocal-write]}} expected-note {{'removed' declared pure here}}
[[pure]] long rotated(const Shared &s) { std::span<long> w(*s.v); auto r = std::ranges::rotate(w, w.begin() + 1); return long(r.size()); } // expected-error {{pure function 'rotated' writes through pointer member 'v' that may point to memory it does not own [purecc-nonlocal-write]}} expected-note {{'rotated' declared pure here}}
[[pure]] long own_removed(long n) { std::vector<long> v(n, 2); auto r = std::ranges::unique(v); auto q = std::ranges::partition(v, [](long x) { return x > 1; }); return long(r.size() + q.size()); }
// A range of const elements is only read, in any position (the binary
// std::ranges::transform's second input was taken for written).
[[pure]] long combined(std::span<const long> a, std::span<const long> b) { std::vector<long> out(a.size()); std::ranges::transform(a, b, out.begin(), [](long x, long y) { return x * y; }); std::ranges::merge(a, b, out.begin()); return out.empty() ? 0 : out[0]; }
// Moving a range empties what it moves from (adv89 F1: a local span over
// the caller's strings was taken for only read).
[[pure]] long moved_out(const Held &h) { std::span<long> sp(h.p, 3); std::vector<long> w; std::ranges::move(sp, std::back_inserter(w)); return long(w.size()); } // expected-error {{pure function 'moved_out' writes through pointer member 'p' that may point to memory it does not own [purecc-nonlocal-write]}} expected-note {{'moved_out' declared pure here}}

int main() {}
