// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
//
// R1: a std::string_view designates the characters it was made from, as a
// std::span does: writing them through 'const_cast' writes the caller's
// string, whether the view is a parameter, was made from a parameter's
// pointer or member, or is a part of another view (adv117 F1: accepted,
// and the parallel sum of the rewritten program changed on every run).
// A view of the function's own string is its own; its length is the
// view's, not a read of what it views.
#include <algorithm>
#include <string>
#include <string_view>

struct B {
  const char *s;
};

[[pure]] long by_value(std::string_view sv, long i) { // expected-note {{'by_value' declared pure here}}
  const_cast<char &>(sv[i + 1]) = 'x'; // expected-error {{pure function 'by_value' writes to memory it does not own through 'const_cast' [purecc-cast-write]}}
  return i;
}

[[pure]] long wide(std::wstring_view sv, long v) { // expected-note {{'wide' declared pure here}}
  const_cast<wchar_t &>(sv[0]) = wchar_t(v); // expected-error {{pure function 'wide' writes to memory it does not own through 'const_cast' [purecc-cast-write]}}
  return v;
}

[[pure]] long from_pointer(const char *p, long v) { // expected-note {{'from_pointer' declared pure here}}
  std::string_view sv(p, 1);
  const_cast<char &>(sv.front()) = char(v); // expected-error {{pure function 'from_pointer' writes to memory it does not own through 'const_cast' [purecc-cast-write]}}
  return v;
}

[[pure]] long from_member(const B &b, long v) { // expected-note {{'from_member' declared pure here}}
  std::string_view sv(b.s);
  *const_cast<char *>(sv.data()) = char(v); // expected-error {{pure function 'from_member' writes to memory it does not own through 'const_cast' [purecc-cast-write]}}
  return v;
}

[[pure]] long part(std::string_view sv, long v) { // expected-note {{'part' declared pure here}}
  auto t = sv.substr(1);
  const_cast<char &>(t[0]) = char(v); // expected-error {{pure function 'part' writes to memory it does not own through 'const_cast' [purecc-cast-write]}}
  return v;
}

[[pure]] long copied_into(std::string_view sv, long v) { // expected-note {{'copied_into' declared pure here}}
  std::copy_n("xy", 2, const_cast<char *>(sv.data())); // expected-error {{pure function 'copied_into' writes to memory it does not own through 'const_cast' [purecc-cast-write]}}
  return v;
}

[[pure]] long looped(std::string_view sv) { // expected-note {{'looped' declared pure here}}
  for (const char &c : sv)
    const_cast<char &>(c) = 'y'; // expected-error {{pure function 'looped' writes to memory it does not own through 'const_cast' [purecc-cast-write]}}
  return 0;
}

// What the function made itself stays its own.
[[pure]] std::size_t own(long v) {
  std::string s(4, 'a');
  std::string_view sv = s;
  const_cast<char &>(sv[0]) = char(v);
  return sv.size() + s.size();
}

// Reading a parameter's characters and the view's length is no write.
[[pure]] std::size_t reads(std::string_view sv) { return sv.size() + (sv.empty() ? 0 : sv[0]); }
