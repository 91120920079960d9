// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
//
// R2: a size the type fixes reads no element of a mutable global:
// `std::size(garr)` of a C array (as `sizeof garr / sizeof garr[0]`),
// `ga.size()`, `ga.max_size()` and `ga.empty()` of a `std::array`
// (adv110). Its elements, and the sizes of containers whose size changes,
// are still reads.
#include <array>
#include <iterator>
#include <vector>

long garr[8];
std::array<long, 4> ga;
std::vector<long> gv;

[[pure]] long sized(long x) { return x + long(std::size(garr)) + std::ssize(garr) + std::empty(garr); }
[[pure]] long sized_array(long x) { return x + long(ga.size() + ga.max_size()) + ga.empty(); }
[[pure]] long by_sizeof(long x) { return x + long(sizeof garr / sizeof garr[0]); }

[[pure]] long element(long x) { return x + garr[0]; } // expected-error {{pure function 'element' reads mutable global 'garr' [purecc-global-read]}} expected-note {{'element' declared pure here}}
[[pure]] long array_element(long x) { return x + ga.front(); } // expected-error {{pure function 'array_element' reads mutable global 'ga' [purecc-global-read]}} expected-note {{'array_element' declared pure here}}
[[pure]] long vector_size(long x) { return x + long(gv.size()); } // expected-error {{pure function 'vector_size' reads mutable global 'gv' [purecc-global-read]}} expected-note {{'vector_size' declared pure here}}
[[pure]] long vector_free_size(long x) { return x + long(std::size(gv)); } // expected-error {{pure function 'vector_free_size' reads mutable global 'gv' [purecc-global-read]}} expected-note {{'vector_free_size' declared pure here}}
