// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
//
// A member call reached through a library 'operator->' whose object is
// itself a pointer (a std::reference_wrapper in a std::optional, a span in
// a std::optional, a std::reference_wrapper through an iterator or a
// std::unique_ptr): what it hands back points where that pointer points,
// stored in memory, not into the holder (adv56 t09: 'o->get()++' was taken
// for a write into the local 'o', and the reduction calling 'bump' raced).
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <vector>

using RW = std::reference_wrapper<long>;

[[pure]] long bump(std::optional<RW> o, long x) { // expected-note {{'bump' declared pure here}}
  long seen = o->get()++; // expected-error {{pure function 'bump' writes through a pointer that may point to memory it does not own [purecc-nonlocal-write]}}
  return seen * x;
}

[[pure]] long through_iterator(std::vector<RW> v) { // expected-note {{'through_iterator' declared pure here}}
  auto it = v.begin();
  it->get() = 5; // expected-error {{pure function 'through_iterator' writes through a pointer that may point to memory it does not own [purecc-nonlocal-write]}}
  return 0;
}

[[pure]] long through_unique(std::unique_ptr<RW> p) { // expected-note {{'through_unique' declared pure here}}
  p->get() = 5; // expected-error {{pure function 'through_unique' writes through a pointer that may point to memory it does not own [purecc-nonlocal-write]}}
  return 0;
}

[[pure]] long span_front(std::optional<std::span<long>> o) { // expected-note {{'span_front' declared pure here}}
  o->front() = 5; // expected-error {{pure function 'span_front' writes through a pointer that may point to memory it does not own [purecc-nonlocal-write]}}
  return 0;
}

// Reading through them is fine.
[[pure]] long read(std::optional<RW> o, std::optional<std::span<const long>> s) {
  return o->get() + s->front();
}
