// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
//
// Vouching for a library function or template purecc does not know: a
// wrapper declared '[[purecc::assume_pure]]' in the user's code. Its body is
// trusted, not checked. (Redeclaring the library's own template with the
// attribute does not work: Clang rejects a redeclaration that differs from
// the library's, e.g. in 'constexpr', and ignores attributes added after a
// definition.)
#include <numeric>
#include <regex>
#include <string>

[[purecc::assume_pure]] inline bool is_word(const std::string &s) {
  return std::regex_match(s, std::regex("[a-z]+"));
}

// A template wrapper covers every instantiation.
template <class T>
[[purecc::assume_pure]] bool matches(const T &s, const char *re) {
  return std::regex_match(s, std::regex(re));
}

[[pure]] bool word(const std::string &s) { return is_word(s); }
[[pure]] bool digits(const std::string &s) { return matches(s, "[0-9]+"); }

// Without the wrapper the library call is judged by the table.
[[pure]] bool direct(const std::string &s) { // expected-note 2 {{'direct' declared pure here}}
  return std::regex_match(s, // expected-error {{pure function 'direct' calls 'std::regex_match', which is not known to be pure [purecc-impure-library]}}
                          std::regex("[a-z]+")); // expected-error {{pure function 'direct' calls the destructor of 'std::regex', which is not known to be pure [purecc-impure-library]}}
}

// The risk: the promise is the programmer's. A wrapper that is not pure is
// believed all the same.
int g_calls = 0;
[[purecc::assume_pure]] inline int counted(int x) { return x + g_calls++; }
[[pure]] int trusted(int x) { return counted(x); }
