// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
//
// R2 for `const thread_local` (adv24 S4): a constant initializer gives every
// thread the same value, but a dynamic one runs on each thread's first use
// and may give each thread its own (a thread id, a per-thread seed), so a
// loop's task on a worker read another value than the serial program's
// thread did. Reading one is reading per-thread state.
#include <string>

long next_id(); // e.g. a hash of std::this_thread::get_id()
std::string thread_name();

thread_local const long TL = next_id();
thread_local const long TC = 5;             // constant: the same everywhere
thread_local constexpr long TX = 3;
thread_local const std::string TS = thread_name();
struct Pool {
  static thread_local const long arena;
  static thread_local const long fixed;
};
thread_local const long Pool::arena = next_id();
thread_local const long Pool::fixed = 7;

[[pure]] long per_thread(long i) { // expected-note {{'per_thread' declared pure here}}
  return i + TL; // expected-error {{pure function 'per_thread' reads the calling thread's copy of 'TL' [purecc-global-read]}}
}
[[pure]] long constants(long i) { return i + TC + TX + Pool::fixed; }
[[pure]] long name_length(long i) { // expected-note {{'name_length' declared pure here}}
  return i + long(TS.size()); // expected-error {{pure function 'name_length' reads the calling thread's copy of 'TS' [purecc-global-read]}}
}
[[pure]] long arena_of(long i) { // expected-note {{'arena_of' declared pure here}}
  return i * Pool::arena; // expected-error {{pure function 'arena_of' reads the calling thread's copy of 'arena' [purecc-global-read]}}
}
