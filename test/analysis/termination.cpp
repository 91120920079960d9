// RUN: %purecc check %s -- -std=c++20 -Xclang -verify=expected,debug
// RUN: %purecc check %s -- -std=c++20 -DNDEBUG -Xclang -verify
// RUN: %purecc check --suggest %s -- -std=c++20 -DUNANNOTATED -Xclang -verify=suggest
//
// Ending the program is not a side effect a caller can observe: a failed
// assertion, std::abort, std::terminate and __builtin_unreachable are
// accepted in pure functions (in Debug and Release builds alike), like a
// throw. What the assertion evaluates is still judged.
#include <cassert>
#include <cstdlib>
#include <exception>

#ifdef UNANNOTATED
#define PURE
#else
#define PURE [[pure]]
#endif

PURE int checked_div(int a, int b) { // suggest-remark {{function 'checked_div' can be declared pure}}
  assert(b != 0 && "division by zero");
  static_assert(sizeof(int) >= 4, "int is too small");
  return a / b;
}

PURE int must_be_positive(int x) { // suggest-remark {{function 'must_be_positive' can be declared pure}}
  if (x <= 0)
    std::abort();
  return x;
}

PURE int must_be_small(int x) { // suggest-remark {{function 'must_be_small' can be declared pure}}
  if (x > 100)
    std::terminate();
  return x;
}

PURE int sign(int x) { // suggest-remark {{function 'sign' can be declared pure}}
  switch (x > 0 ? 1 : x < 0 ? 2 : 0) {
  case 0: return 0;
  case 1: return 1;
  case 2: return -1;
  }
  __builtin_unreachable();
}

#ifndef UNANNOTATED
int checks = 0;
// The condition of an assertion still runs (without NDEBUG) and is judged.
[[pure]] int counted(int x) { // debug-note {{'counted' declared pure here}}
  assert(++checks > 0); // debug-error {{pure function 'counted' writes to global 'checks' [purecc-global-write]}}
  return x;
}

// Leaving through std::exit runs atexit handlers and flushes streams: not
// accepted.
[[pure]] int leave(int x) { // expected-note {{'leave' declared pure here}}
  if (x < 0)
    std::exit(1); // expected-error {{pure function 'leave' calls 'std::exit', which ends the program [purecc-impure-library]}}
  return x;
}
#endif
