// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
//
// R1 through reference and pointer members: a member that refers to memory
// designates that memory, not the object holding it (issue 14 section 2).
#include <span>

int g_hits = 0;
int g_seen = 0;
int g_arr[4];

struct Slot { int &target; };
struct Ctx { int *counter; };
struct Outer { Slot in; };
struct Ptr { int *p; };
struct Tracker {
  int &seen;
  explicit Tracker(int &s) : seen(s) { seen = 1; } // expected-note {{'Tracker::Tracker' writes through its parameter 's' here}}
};
struct Defaulted {
  int v;
  int &sink = g_hits; // expected-note {{'sink' refers to 'g_hits' here}}
};

[[pure]] int to_global(int v) { // expected-note {{'to_global' declared pure here}}
  Slot s{g_hits}; // expected-note {{'target' refers to 'g_hits' here}}
  s.target = v; // expected-error {{pure function 'to_global' writes to global 'g_hits' [purecc-global-write]}}
  return v;
}

// Bound to memory reached through a parameter's pointer member.
[[pure]] int from_param(const Ctx &c, int v) { // expected-note {{'from_param' declared pure here}}
  Slot s{*c.counter};
  s.target = v; // expected-error {{pure function 'from_param' writes through pointer member 'counter' that may point to memory it does not own}}
  return v;
}

[[pure]] int nested(int v) { // expected-note {{'nested' declared pure here}}
  Outer o{{g_hits}}; // expected-note {{'target' refers to 'g_hits' here}}
  o.in.target = v; // expected-error {{pure function 'nested' writes to global 'g_hits'}}
  return v;
}

// A defaulted copy carries the binding along.
// The copy is a use the read rule does not follow, so the binding counts as
// a read there.
[[pure]] int copied(int v) { // expected-note 2 {{'copied' declared pure here}}
  Slot s{g_hits}; // expected-note {{'target' refers to 'g_hits' here}} expected-error {{pure function 'copied' reads mutable global 'g_hits'}}
  Slot t = s;
  t.target = v; // expected-error {{pure function 'copied' writes to global 'g_hits'}}
  return v;
}

// The constructor binds the member to its parameter and writes through it.
[[pure]] int tracked(int v) { // expected-note {{'tracked' declared pure here}}
  Tracker t(g_seen); // expected-error {{pure function 'tracked' writes to global 'g_seen'}}
  return v;
}

[[pure]] int defaulted(int x) { // expected-note {{'defaulted' declared pure here}}
  Defaulted d{x};
  d.sink = x; // expected-error {{pure function 'defaulted' writes to global 'g_hits'}}
  return d.v;
}

// A by-value parameter's members were bound by the caller.
[[pure]] int by_value(Slot s, int v) { // expected-note {{'by_value' declared pure here}}
  s.target = v; // expected-error {{pure function 'by_value' writes through pointer member 'target' that may point to memory it does not own}}
  return v;
}

[[pure]] int span_global(int v) { // expected-note {{'span_global' declared pure here}}
  std::span<int> s(g_arr); // expected-note {{'s' refers to 'g_arr' here}}
  s[0] = v; // expected-error {{pure function 'span_global' writes to global 'g_arr'}}
  return v;
}

// Bound to locals: local writes.
[[pure]] int to_local(int v) {
  int x = 0;
  Slot s{x};
  s.target = v;
  Ptr p{&x};
  *p.p += v;
  int arr[4] = {};
  std::span<int> sp(arr);
  for (int &e : sp)
    e = v;
  return x + arr[0];
}

// A pointer member that is assigned is not followed.
[[pure]] int repointed(int v) { // expected-note 2 {{'repointed' declared pure here}}
  int x = 0;
  Ptr p{&x};
  p.p = &g_hits; // expected-error {{pure function 'repointed' reads mutable global 'g_hits'}}
  *p.p = v; // expected-error {{pure function 'repointed' writes through pointer member 'p' that may point to memory it does not own}}
  return x;
}

// A copy of a local whose pointer member points to a local: still local.
[[pure]] int copy_of_local(int v) {
  int x = 0;
  Ptr p{&x};
  Ptr q = p;
  *q.p = v;
  return x;
}
