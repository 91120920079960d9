// RUN: %purecc check %s -- -std=c++20 -isystem %S/Inputs/isystem-user-library -Xclang -verify
//
// The compiler's own library is decided by a header's directory (libstdc++,
// libc++, the C library, clang's resource headers), not by reserved
// spellings nor by "a system header": a user library under -isystem whose
// names are reserved (`__twice`, `mylib::__impl`, `_Scale`) is checked as user
// code. Before, calling `__twice` gave "calls '__twice', which is not known to
// be pure [purecc-impure-library]" although its body is right there.
#include <userlib.h>
#include <cmath>
#include <vector>

[[pure]] long twice(long x) { return __twice(x); }
[[pure]] long scaled(long x) { return mylib::scale(x) + _Scale; }

// expected-note@userlib.h:15 {{'__counted' is not pure because it writes to global 'g_calls'}}
[[pure]] long counted(long x) { // expected-note {{'counted' declared pure here}}
  return __counted(x); // expected-error {{pure function 'counted' calls '__counted', which is not pure [purecc-impure-call]}}
}

// expected-note@userlib.h:9 {{'mylib::__impl::tally' is not pure because it writes to global 'g_calls'}}
[[pure]] long tallied(long x) { // expected-note {{'tallied' declared pure here}}
  return mylib::__impl::tally(x); // expected-error {{pure function 'tallied' calls 'mylib::__impl::tally', which is not pure [purecc-impure-call]}}
}

// The implementation's own stay what they were: std:: functions by the
// table, libstdc++'s internals as the library.
[[pure]] double root(double x) { return std::sqrt(x); }
[[pure]] long total(long n) {
  std::vector<long> v(n, 1);
  long s = 0;
  for (long e : v)
    s += e;
  return s;
}
