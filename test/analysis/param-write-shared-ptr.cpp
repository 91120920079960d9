// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
//
// R1: a std::shared_ptr (or std::weak_ptr) taken by value is a copy of the
// pointer, not of what it points to: the caller's copy shares the pointee,
// so a write through it writes the caller's memory, as through a `long *`
// parameter (adv28 W2). A std::unique_ptr taken by value owns its pointee
// alone: the caller gave it up, and writes through it stay local.
#include <memory>
#include <vector>

struct Box {
  long field = 0;
  std::vector<long> vec;
};

[[pure]] long bump(std::shared_ptr<long> sp) { // expected-note {{'bump' declared pure here}}
  *sp += 1; // expected-error {{pure function 'bump' writes through parameter 'sp' [purecc-param-write]}}
  return *sp;
}

[[pure]] long set_field(std::shared_ptr<Box> b) { // expected-note 2 {{'set_field' declared pure here}}
  b->field = 7; // expected-error {{pure function 'set_field' writes through parameter 'b' [purecc-param-write]}}
  b->vec.push_back(1); // expected-error {{pure function 'set_field' writes through parameter 'b' [purecc-param-write]}}
  return b->field;
}

// Through the raw pointer it hands out, and through a copy of it.
[[pure]] long through_get(std::shared_ptr<long> sp) { // expected-note 2 {{'through_get' declared pure here}}
  *sp.get() = 2; // expected-error {{pure function 'through_get' writes through parameter 'sp' [purecc-param-write]}}
  auto q = sp;
  *q = 3; // expected-error {{pure function 'through_get' writes through parameter 'sp' [purecc-param-write]}}
  return *q;
}

[[pure]] long through_ref(const std::shared_ptr<Box> &b) { // expected-note {{'through_ref' declared pure here}}
  std::shared_ptr<Box> c(b);
  c->field = 4; // expected-error {{pure function 'through_ref' writes through parameter 'b' [purecc-param-write]}}
  return c->field;
}

// A std::weak_ptr designates the same object: lock() hands out a
// shared_ptr to it.
[[pure]] long through_weak(std::weak_ptr<long> w) { // expected-note 2 {{'through_weak' declared pure here}}
  if (auto sp = w.lock()) {
    *sp = 5; // expected-error {{pure function 'through_weak' writes through parameter 'w' [purecc-param-write]}}
    return *sp;
  }
  *w.lock() = 6; // expected-error {{pure function 'through_weak' writes through parameter 'w' [purecc-param-write]}}
  return 0;
}

// In a template, once instantiated with a shared_ptr.
template <class P> [[pure]] long generic_bump(P p) { // expected-note {{'generic_bump<std::shared_ptr<long>>' declared pure here}}
  *p += 1; // expected-error {{pure function 'generic_bump<std::shared_ptr<long>>' writes through parameter 'p' [purecc-param-write]}}
  return *p;
}
long use_generic(std::shared_ptr<long> sp) { return generic_bump(sp); } // expected-note {{in instantiation of function template specialization 'generic_bump<std::shared_ptr<long>>' requested here}}

// A callee that writes through its shared_ptr writes what the caller
// passed: the caller's parameter here, a local below.
long poke(std::shared_ptr<long> sp) { *sp = 9; return 0; } // expected-note {{'poke' writes through its parameter 'sp' here}}
[[pure]] long pass_on(std::shared_ptr<long> sp) { // expected-note {{'pass_on' declared pure here}}
  return poke(sp); // expected-error {{pure function 'pass_on' writes through parameter 'sp' [purecc-param-write]}}
}

// Accepted: reading through the parameter, a shared_ptr to const, the
// pointer itself (a by-value copy), a local make_shared written through
// (also one made from a reference parameter's value), a helper writing a
// local one, and a by-value unique_ptr, which owns its pointee alone.
[[pure]] long read_only(std::shared_ptr<long> sp, std::shared_ptr<const Box> cb) {
  return *sp + cb->field + long(cb->vec.size());
}
// The count of owners of a pointer shared with the caller changes with
// every copy another call makes (adv87 F02); that of one made here does not.
[[pure]] long owners(std::shared_ptr<long> sp) { return sp.use_count(); } // expected-error {{pure function 'owners' calls 'std::shared_ptr<long>::use_count', which reads the count of owners, which copies made elsewhere change [purecc-impure-library]}} expected-note {{'owners' declared pure here}}
[[pure]] long own_owners(long x) { auto p = std::make_shared<long>(x); auto q = p; return q.use_count(); }

// Repointing a by-value shared pointer may drop the last owner the caller
// moved in, and run the deleter the caller made it with (adv87 F14;
// type-erased.cpp).
[[pure]] long repoint(std::shared_ptr<long> sp) { // expected-note 2 {{'repoint' declared pure here}}
  sp = std::make_shared<long>(1); // expected-error {{pure function 'repoint' calls 'std::shared_ptr<long>::operator=', which may end the last owner the caller gave it and run a deleter it cannot see [purecc-impure-library]}}
  sp.reset(); // expected-error {{pure function 'repoint' calls 'std::shared_ptr<long>::reset', which may end the last owner the caller gave it and run a deleter it cannot see [purecc-impure-library]}}
  return 0;
}

[[pure]] long local_shared(const long &x, const Box &b) {
  auto q = std::make_shared<long>(x);
  *q += 1;
  auto c = std::make_shared<Box>(b);
  c->vec.push_back(*q);
  std::shared_ptr<long> n(new long(3));
  *n = 4;
  return *q + poke(q) + *n + long(c->vec.size());
}

[[pure]] long owned(std::unique_ptr<long> up, std::unique_ptr<Box> ub) {
  *up += 1;
  ub->field = 2;
  ub->vec.push_back(*up);
  return *up + ub->field;
}

// A shared_ptr stored in memory is a pointer loaded from memory: it may
// point anywhere, also in a by-value copy of the object that holds it.
struct Holder {
  std::shared_ptr<long> p;
};
[[pure]] long stored(Holder h, const std::vector<std::shared_ptr<long>> &v) { // expected-note 2 {{'stored' declared pure here}}
  *h.p = 1; // expected-error {{pure function 'stored' writes through pointer member 'p' that may point to memory it does not own [purecc-nonlocal-write]}}
  *v[0] = 2; // expected-error {{pure function 'stored' writes through a pointer that may point to memory it does not own [purecc-nonlocal-write]}}
  return *h.p + *v[0];
}
