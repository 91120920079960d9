// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
//
// R4: a destructor destroys the members and bases after its body, without a
// call in it (analysis/Destructors.h), but never a variant member: the
// storage of tl::optional<std::string> and tl::expected<T, std::string> is
// an anonymous union, whose members the class destroys itself, in its
// destructor's body, when one is active (adv123: "calls '(anonymous
// union)::~(anonymous union)', which is not pure"). A named union member's
// destructor does run.
#include <new>
#include <string>

long g_destroyed = 0;
struct Counted {
  long v = 0;
  ~Counted() { ++g_destroyed; } // expected-note 4 {{'Counted::~Counted' is not pure because it writes to global 'g_destroyed'}}
};

// The shape of an optional's storage: the active member is destroyed by
// hand, with an explicit destructor call the checker follows.
template <class T> struct Storage {
  Storage() : dummy(), engaged(false) {}
  explicit Storage(T v) : value(static_cast<T &&>(v)), engaged(true) {}
  ~Storage() {
    if (engaged)
      value.~T(); // expected-note 2 {{'Storage<Counted>::~Storage' is not pure because it calls 'Counted::~Counted', which is not pure}}
  }
  struct Dummy {};
  union {
    Dummy dummy;
    T value;
  };
  bool engaged;
};

[[pure]] long string_storage(long n) { // accepted: std::string's destructor is the library's
  Storage<std::string> s(std::string(size_t(n), 'x'));
  return long(s.value.size());
}

// The explicit call is in the destructor's body whichever member is active:
// reported as a call it may make.
[[pure]] long empty_storage(long n) { // expected-note {{'empty_storage' declared pure here}}
  Storage<Counted> s; // expected-error {{pure function 'empty_storage' calls 'Storage<Counted>::~Storage', which is not pure [purecc-impure-call]}}
  return n + s.engaged;
}

// The temporary moved from is destroyed too.
[[pure]] long counted_storage(long n) { // expected-note 2 {{'counted_storage' declared pure here}}
  Storage<Counted> s(Counted{n}); // expected-error {{pure function 'counted_storage' calls 'Storage<Counted>::~Storage', which is not pure [purecc-impure-call]}}
  // expected-error@-1 {{pure function 'counted_storage' calls 'Counted::~Counted', which is not pure [purecc-impure-call]}}
  return s.value.v;
}

// A named union member is destroyed after the body: its user-written
// destructor runs.
struct Named { // expected-note {{'Named::~Named' is not pure because it calls 'Named::U::~U', which is not pure}}
  union U {
    U() {}
    ~U() { ++g_destroyed; } // expected-note {{'Named::U::~U' is not pure because it writes to global 'g_destroyed'}}
    char d;
    std::string s;
  } u;
};
[[pure]] long named_union(long n) { // expected-note {{'named_union' declared pure here}}
  Named x; // expected-error {{pure function 'named_union' calls 'Named::~Named', which is not pure [purecc-impure-call]}}
  return n + x.u.d;
}

// An anonymous struct is an ordinary member: its members are destroyed.
struct Holder { // expected-note {{'Holder::~Holder' is not pure because it calls the destructor of the anonymous struct in 'Holder', which is not pure}}
  struct { // expected-note {{the destructor of the anonymous struct in 'Holder' is not pure because it calls 'Counted::~Counted', which is not pure}}
    Counted c;
  };
};
[[pure]] long anonymous_struct(long n) { // expected-note {{'anonymous_struct' declared pure here}}
  Holder h; // expected-error {{pure function 'anonymous_struct' calls 'Holder::~Holder', which is not pure [purecc-impure-call]}}
  return n + h.c.v;
}
