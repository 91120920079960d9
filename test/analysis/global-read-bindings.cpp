// RUN: %purecc check %s -- -std=c++20 -ferror-limit=0 -Xclang -verify
//
// R2: taking a global's address or binding a reference to it reads
// nothing; the read is reported where the value is used through the
// pointer, reference, member or call, with a note at the binding. Where
// purecc cannot follow the later uses, the naming itself is the read.
#include <functional>
#include <new>
#include <utility>
#include <vector>

int g = 0;
int g_table[4];
std::pair<int, int> g_pair{1, 2};
std::vector<int> g_v(4);
alignas(int) unsigned char g_storage[sizeof(int)];
struct Box { const int *p; };
int get(const int *q) { return *q; }
const int &peek() { return g; } // expected-note {{'peek' returns a reference or pointer to 'g' here}}
[[pure]] const int *where() { return &g; } // an address: pure expected-note {{'where' returns a reference or pointer to 'g' here}}
[[pure]] bool is_table(const int *p) { return p == &g_table[0] || p == g_table + 1; }
[[pure]] int unused(int x) {
  int &r = g;
  (void)&r;
  return x + int(sizeof(g)) + int(sizeof(decltype(g)));
}
[[pure]] int placed(int x) { // what placement new returns points where it was given (adv92 F3) expected-note 2 {{'placed' declared pure here}}
  int *p = ::new (static_cast<void *>(g_storage)) int(x); // expected-error {{pure function 'placed' writes to memory it does not own through placement new [purecc-cast-write]}} expected-note {{'p' refers to 'g_storage' here}}
  return *p; // expected-error {{pure function 'placed' reads mutable global 'g_storage' [purecc-global-read]}}
}

// --- reads through a followed binding: reported at the use
[[pure]] int through_ref(int x) { // expected-note {{'through_ref' declared pure here}}
  const int &r = g; // expected-note {{'r' refers to 'g' here}}
  return x + r; // expected-error {{pure function 'through_ref' reads mutable global 'g' [purecc-global-read]}}
}
[[pure]] int through_ptr() { // expected-note {{'through_ptr' declared pure here}}
  int *p = &g; // expected-note {{'p' refers to 'g' here}}
  return *p; // expected-error {{pure function 'through_ptr' reads mutable global 'g'}}
}
[[pure]] int passed(int x) { // expected-note {{'passed' declared pure here}}
  int *p = &g; // expected-note {{'p' refers to 'g' here}}
  return get(p) + x; // expected-error {{pure function 'passed' reads mutable global 'g'}}
}
[[pure]] int via_call() { // expected-note {{'via_call' declared pure here}}
  return peek(); // expected-error {{pure function 'via_call' reads mutable global 'g'}}
}
[[pure]] int via_pure_call() { // expected-note {{'via_pure_call' declared pure here}}
  return *where(); // expected-error {{pure function 'via_pure_call' reads mutable global 'g'}}
}
[[pure]] int wrapped() { // expected-note {{'wrapped' declared pure here}}
  auto w = std::ref(g); // expected-note {{'w' refers to 'g' here}}
  return w.get(); // expected-error {{pure function 'wrapped' reads mutable global 'g'}}
}
[[pure]] int chained() { // expected-note 3 {{'chained' declared pure here}}
  int &r = g; // expected-note 3 {{'r' refers to 'g' here}}
  int &r2 = r;
  int *p = &r2;
  p++;
  return r2 + p[-1] + std::move(r); // expected-error 3 {{pure function 'chained' reads mutable global 'g'}}
}
[[pure]] int bound_const(int x) { // expected-note {{'bound_const' declared pure here}}
  const auto &[a, b] = g_pair; // expected-note {{'[a, b]' refers to 'g_pair' here}}
  return a + x; // expected-error {{pure function 'bound_const' reads mutable global 'g_pair'}}
}
[[pure]] bool iterators() { // expected-note {{'iterators' declared pure here}}
  auto it = g_v.begin(); // expected-note {{'it' refers to 'g_v' here}}
  return *it == 0; // expected-error {{pure function 'iterators' reads mutable global 'g_v'}}
}

// --- uses purecc does not follow: the naming is the read
[[pure]] int pointer_to_pointer() { // expected-note {{'pointer_to_pointer' declared pure here}}
  int *p = &g; // expected-error {{pure function 'pointer_to_pointer' reads mutable global 'g'}}
  int **pp = &p;
  return **pp;
}
// A closure reads the global through the captured reference when it runs.
[[pure]] int captured() { // expected-note {{'captured' declared pure here}}
  int &r = g;
  auto l = [&r] { return r; }; // expected-note {{'lambda at line 80' is not pure because it reads mutable global 'g'}}
  return l(); // expected-error {{pure function 'captured' calls 'lambda at line 80', which is not pure}}
}
[[pure]] int in_member() { // expected-note 2 {{'in_member' declared pure here}}
  Box b{&g}; // expected-error {{pure function 'in_member' reads mutable global 'g'}} expected-note {{'p' refers to 'g' here}}
  return *b.p; // expected-error {{pure function 'in_member' reads mutable global 'g'}}
}
[[pure]] int reassigned(int x) { // expected-note 2 {{'reassigned' declared pure here}}
  int l = 0;
  int *p = &l; // expected-note {{'p' refers to 'g' here}}
  p = &g; // expected-error {{pure function 'reassigned' reads mutable global 'g'}}
  return *p + x; // expected-error {{pure function 'reassigned' reads mutable global 'g'}}
}
[[pure]] long distance() { // expected-note 2 {{'distance' declared pure here}}
  return g_v.end() - g_v.begin(); // expected-error 2 {{pure function 'distance' reads mutable global 'g_v'}}
}
// A '?:' between the global and the binding: the other branch may hide it.
struct Holder { const int *p; };
[[pure]] int joined(bool c, const Holder &h) { // expected-note 2 {{'joined' declared pure here}}
  const int *p = c ? &g : h.p; // expected-error {{pure function 'joined' reads mutable global 'g'}}
  const int &r = c ? g : *h.p; // expected-error {{pure function 'joined' reads mutable global 'g'}}
  return *p + r;
}
// Two returns: the caller sees the join of both, which may hide the global.
const int *either(bool c, const Holder &h) {
  if (c)
    return &g; // expected-note {{'either' is not pure because it reads mutable global 'g'}}
  return h.p;
}
[[pure]] int via_either(bool c, const Holder &h) { // expected-note {{'via_either' declared pure here}}
  return *either(c, h); // expected-error {{pure function 'via_either' calls 'either', which is not pure}}
}
