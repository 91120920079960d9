// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
//
// R1: a pointer copied where the scan of the function cannot see where it
// came from points to memory the function does not own: a handler's
// parameter (a copy of whatever was thrown), a pointer kept by value in a
// `std::any` and taken out again, the pointer a `std::shared_ptr` is made
// to share with the aliasing constructor, and an address rebuilt from
// integers that carry another one (adv110 F1, F3-F5; adv113 F1-F5: a
// std::optional, std::any swapped or moved, integers changed in place,
// swapped or returned by a function). What the function
// made itself stays its own.
#include <any>
#include <optional>
#include <utility>
#include <cstdint>
#include <functional>
#include <memory>

struct Box {
  long *p;
};

// A handler's parameter is a copy of the thrown object.
[[pure]] long caught(const Box &b) { // expected-note {{'caught' declared pure here}}
  try {
    throw b.p;
  } catch (long *p) {
    *p += 1000; // expected-error {{pure function 'caught' writes through pointer 'p' that may point to memory it does not own [purecc-nonlocal-write]}}
  }
  return 1;
}
[[pure]] long caught_copy(const Box &b) { // expected-note {{'caught_copy' declared pure here}}
  try {
    throw b.p;
  } catch (long *p) {
    long *q = p;
    *q += 1; // expected-error {{pure function 'caught_copy' writes through pointer 'p' that may point to memory it does not own [purecc-nonlocal-write]}}
  }
  return 1;
}
[[pure]] long caught_box(const Box &b) { // expected-note {{'caught_box' declared pure here}}
  try {
    throw b;
  } catch (Box c) {
    *c.p += 1000; // expected-error {{pure function 'caught_box' writes through pointer member 'p' that may point to memory it does not own [purecc-nonlocal-write]}}
  }
  return 1;
}
[[pure]] long caught_number(std::uintptr_t a) { // expected-note {{'caught_number' declared pure here}}
  try {
    throw a;
  } catch (std::uintptr_t q) {
    *reinterpret_cast<long *>(q) += 1; // expected-error {{pure function 'caught_number' writes to memory it does not own through 'reinterpret_cast' [purecc-cast-write]}}
  }
  return 1;
}
[[pure]] long caught_value() {
  try {
    throw 5L;
  } catch (long v) {
    v += 1;
    return v;
  }
  return 0;
}

// A pointer a std::any holds by value.
[[pure]] long any_held(const Box &b) { // expected-note {{'any_held' declared pure here}}
  std::any a = b.p;
  *std::any_cast<long *>(a) += 1000; // expected-error {{pure function 'any_held' writes through pointer member 'p' that may point to memory it does not own [purecc-nonlocal-write]}}
  return 1;
}
[[pure]] long any_local(const Box &b) { // expected-note {{'any_local' declared pure here}}
  std::any a = b.p;
  long *q = std::any_cast<long *>(a);
  *q += 1; // expected-error {{pure function 'any_local' writes through pointer member 'p' that may point to memory it does not own [purecc-nonlocal-write]}}
  return 1;
}
[[pure]] long any_emplaced(const Box &b) { // expected-note {{'any_emplaced' declared pure here}}
  std::any a;
  a.emplace<long *>(b.p);
  *std::any_cast<long *>(a) += 1; // expected-error {{pure function 'any_emplaced' writes through pointer member 'p' that may point to memory it does not own [purecc-nonlocal-write]}}
  return 1;
}
[[pure]] long any_assigned(const Box &b) { // expected-note {{'any_assigned' declared pure here}}
  std::any a;
  a = b.p;
  *std::any_cast<long *>(a) += 1; // expected-error {{pure function 'any_assigned' writes through pointer member 'p' that may point to memory it does not own [purecc-nonlocal-write]}}
  return 1;
}
[[pure]] long any_reference(const Box &b) { // expected-note {{'any_reference' declared pure here}}
  std::any a = std::ref(*b.p);
  std::any_cast<std::reference_wrapper<long>>(a).get() += 1; // expected-error {{pure function 'any_reference' writes through pointer member 'p' that may point to memory it does not own [purecc-nonlocal-write]}}
  return 1;
}
[[pure]] long any_own() {
  long own = 4;
  std::any a = &own;
  *std::any_cast<long *>(a) += 1;
  std::any n = 5L;
  return own + std::any_cast<long>(n);
}

// The aliasing constructor: shares an owner, points where it is told.
[[pure]] long aliased(const Box &b) { // expected-note {{'aliased' declared pure here}}
  std::shared_ptr<long> sp(std::shared_ptr<long>{}, b.p);
  (*sp)++; // expected-error {{pure function 'aliased' writes through pointer member 'p' that may point to memory it does not own [purecc-nonlocal-write]}}
  return 1;
}
[[pure]] long aliased_owner(const Box &b) { // expected-note {{'aliased_owner' declared pure here}}
  auto o = std::make_shared<long>(1);
  std::shared_ptr<long> sp(o, b.p);
  std::weak_ptr<long> w = sp;
  (*w.lock())++; // expected-error {{pure function 'aliased_owner' writes through pointer member 'p' that may point to memory it does not own [purecc-nonlocal-write]}}
  return 1;
}
[[pure]] long shared_own() {
  auto o = std::make_shared<long>(1);
  std::shared_ptr<long> sp(o, o.get());
  (*sp)++;
  return *o;
}

// Pointers a std::optional keeps by value (adv113 F1).
[[pure]] long optional_held(const Box &b) { // expected-note {{'optional_held' declared pure here}}
  std::optional<long *> o = b.p;
  long *q = o.value_or(nullptr);
  *q += 1; // expected-error {{pure function 'optional_held' writes through pointer member 'p' that may point to memory it does not own [purecc-nonlocal-write]}}
  return 1;
}
[[pure]] long optional_made(const Box &b) { // expected-note {{'optional_made' declared pure here}}
  *std::make_optional(b.p).value_or(nullptr) += 1; // expected-error {{pure function 'optional_made' writes through pointer member 'p' that may point to memory it does not own [purecc-nonlocal-write]}}
  return 1;
}
[[pure]] long optional_own() {
  long own = 1;
  std::optional<long *> o = &own;
  *o.value_or(nullptr) += 1;
  return own;
}

// Two std::any swapped or moved: one holds what the other held (adv113 F5).
[[pure]] long any_swapped(const Box &b) { // expected-note {{'any_swapped' declared pure here}}
  long loc = 0;
  std::any a = &loc;
  std::any c = b.p;
  std::swap(a, c);
  *std::any_cast<long *>(a) += 1; // expected-error {{pure function 'any_swapped' writes through pointer member 'p' that may point to memory it does not own [purecc-nonlocal-write]}}
  return loc;
}
[[pure]] long any_moved(const Box &b) { // expected-note {{'any_moved' declared pure here}}
  std::any c = b.p;
  std::any a = std::move(c);
  *std::any_cast<long *>(a) += 1; // expected-error {{pure function 'any_moved' writes through a pointer that may point to memory it does not own [purecc-nonlocal-write]}}
  return 1;
}

// Integers that carry an address: `base + (a - base)` is `a`.
[[pure]] long rebuilt(std::uintptr_t a) { // expected-note {{'rebuilt' declared pure here}}
  long loc = 0;
  std::uintptr_t base = reinterpret_cast<std::uintptr_t>(&loc);
  long *p = reinterpret_cast<long *>(base + (a - base));
  (*p)++; // expected-error {{pure function 'rebuilt' writes to memory it does not own through 'reinterpret_cast' [purecc-cast-write]}}
  return loc;
}
[[pure]] long offset_own() {
  long loc[4] = {};
  std::uintptr_t base = reinterpret_cast<std::uintptr_t>(&loc[0]);
  long *p = reinterpret_cast<long *>(base + sizeof(long));
  (*p)++;
  return loc[1];
}
[[pure]] long rebuilt_compound(const Box &b) { // expected-note {{'rebuilt_compound' declared pure here}}
  long loc = 0;
  std::uintptr_t base = reinterpret_cast<std::uintptr_t>(&loc);
  std::uintptr_t d = reinterpret_cast<std::uintptr_t>(b.p);
  d -= base;
  base += d;
  *reinterpret_cast<long *>(base) += 1; // expected-error {{pure function 'rebuilt_compound' writes to memory it does not own through 'reinterpret_cast' [purecc-cast-write]}}
  return loc;
}
[[pure]] long rebuilt_swapped(const Box &b) { // expected-note {{'rebuilt_swapped' declared pure here}}
  long loc = 0;
  std::uintptr_t u = reinterpret_cast<std::uintptr_t>(&loc);
  std::uintptr_t v = reinterpret_cast<std::uintptr_t>(b.p);
  std::swap(u, v);
  *reinterpret_cast<long *>(u) += 1; // expected-error {{pure function 'rebuilt_swapped' writes to memory it does not own through 'reinterpret_cast' [purecc-cast-write]}}
  return loc;
}
static std::uintptr_t same(std::uintptr_t x) { return x; }
[[pure]] long rebuilt_by_call(const Box &b) { // expected-note {{'rebuilt_by_call' declared pure here}}
  *reinterpret_cast<long *>(same(reinterpret_cast<std::uintptr_t>(b.p))) += 1; // expected-error {{pure function 'rebuilt_by_call' writes to memory it does not own through 'reinterpret_cast' [purecc-cast-write]}}
  return 1;
}
[[pure]] long counted_own() {
  long loc[4] = {};
  std::uintptr_t at = reinterpret_cast<std::uintptr_t>(&loc[0]);
  at += sizeof(long);
  ++at;
  --at;
  *reinterpret_cast<long *>(at) += 1;
  return loc[1];
}

// Another pointer to the same object, cast: judged where it points.
struct Base {
  virtual ~Base() = default;
  long v = 0;
};
struct Der final : Base {};
[[pure]] long casts() {
  std::shared_ptr<Base> p = std::make_shared<Der>();
  std::static_pointer_cast<Der>(p)->v = 2;
  std::dynamic_pointer_cast<Der>(p)->v += 1;
  long x = 5;
  *std::to_address(&x) += 1;
  *std::pointer_traits<long *>::pointer_to(x) += 1;
  return p->v + x;
}
[[pure]] long cast_param(std::shared_ptr<Base> p) { // expected-note {{'cast_param' declared pure here}}
  std::static_pointer_cast<Der>(p)->v = 2; // expected-error {{pure function 'cast_param' writes through parameter 'p' [purecc-param-write]}}
  return 1;
}
