// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
//
// R1: a pure function writes only memory it owns. Globals, class statics,
// static and thread_local locals, and globals reached through a callee, a
// lambda or the standard library are all somebody else's.
#include <iostream>
#include <vector>

int g_counter = 0;
struct Registry { static int count; };
int Registry::count = 0;
thread_local int t_calls = 0;
std::vector<int> g_log;

[[pure]] int set_global(int x) { // expected-note {{'set_global' declared pure here}}
  g_counter = x; // expected-error {{pure function 'set_global' writes to global 'g_counter' [purecc-global-write]}}
  return x;
}

[[pure]] int bump_static_member() { // expected-note {{'bump_static_member' declared pure here}}
  return ++Registry::count; // expected-error {{pure function 'bump_static_member' writes to static data member 'count'}}
}

// A static local counter survives between calls.
[[pure]] int next_id() { // expected-note {{'next_id' declared pure here}}
  static int counter = 0;
  return ++counter; // expected-error {{pure function 'next_id' writes to static local 'counter'}}
}

[[pure]] int count_calls(int x) { // expected-note {{'count_calls' declared pure here}}
  t_calls++; // expected-error {{pure function 'count_calls' writes to thread_local 't_calls'}}
  return x;
}

// Mutating a container is a write to the container: a violation on a global.
[[pure]] int log_value(int x) { // expected-note {{'log_value' declared pure here}}
  g_log.push_back(x); // expected-error {{pure function 'log_value' writes to global 'g_log'}}
  return x;
}

// A lambda that captures everything by reference still names the global.
[[pure]] int via_lambda(int x) { // expected-note {{'via_lambda' declared pure here}}
  auto add = [&] { g_counter += x; }; // expected-note {{'lambda at line 43' is not pure because it writes to global 'g_counter'}}
  add(); // expected-error {{pure function 'via_lambda' calls 'lambda at line 43', which is not pure [purecc-impure-call]}}
  return x;
}

[[pure]] int shout(int x) { // expected-note {{'shout' declared pure here}}
  std::cout << x; // expected-error {{pure function 'shout' performs I/O on 'cout' [purecc-io]}}
  return x;
}

// A helper that writes through its reference parameter is fine on a local
// and a violation on a global: the write is judged at the call site.
void fill(std::vector<int> &out, int n) {
  for (int i = 0; i < n; ++i)
    out.push_back(i); // expected-note {{'fill' writes through its parameter 'out' here}}
}

[[pure]] int fill_global(int n) { // expected-note {{'fill_global' declared pure here}}
  fill(g_log, n); // expected-error {{pure function 'fill_global' writes to global 'g_log'}}
  return n;
}

// Accepted: writes to the function's own locals, arrays, objects, and
// through helpers on locals.
[[pure]] int local_writes(int n) {
  int sum = 0;
  int squares[16] = {};
  for (int i = 0; i < n && i < 16; ++i) {
    squares[i] = i * i;
    sum += squares[i];
  }
  int *p = &sum;
  *p += 1;
  std::vector<int> v;
  fill(v, n);
  for (int &e : v)
    e *= 2;
  return sum + static_cast<int>(v.size());
}
