// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
//
// R4: a replacement of the global `operator new` defined in this unit runs
// for every `new`, every container's allocation and every `::operator new`
// call: one that counts its calls in a global is not pure. (A replacement
// defined in another unit is not seen: docs/purity.md.)
#include <cstdlib>
#include <new>
#include <string>
#include <vector>

long g_allocs = 0;
void *operator new(std::size_t n) { ++g_allocs; if (void *p = std::malloc(n ? n : 1)) return p; std::abort(); } // expected-note 4 {{'operator new' is not pure because it writes to global 'g_allocs'}}
void operator delete(void *p) noexcept { std::free(p); }
void operator delete(void *p, std::size_t) noexcept { std::free(p); }
[[pure]] long r1(long i) { long *p = new long(i); long v = *p; delete p; return v; } // expected-error {{pure function 'r1' calls 'operator new', which is not pure [purecc-impure-call]}} expected-note {{'r1' declared pure here}}
[[pure]] long r2(long i) { std::vector<long> v(3, i); return v[1]; } // expected-error {{pure function 'r2' calls 'operator new', which is not pure [purecc-impure-call]}} expected-note {{the constructor of 'std::vector<long>' calls 'operator new' here}} expected-note {{'r2' declared pure here}}
[[pure]] long r3(long i) { std::string s(40, 'a'); return i + (long)s.size(); } // expected-error {{pure function 'r3' calls 'operator new', which is not pure [purecc-impure-call]}} expected-note {{the constructor of 'std::string' calls 'operator new' here}} expected-note {{'r3' declared pure here}}
[[pure]] long r4(long i) { void *p = ::operator new(8); ::operator delete(p); return i; } // expected-error {{pure function 'r4' calls 'operator new', which is not pure [purecc-impure-call]}} expected-note {{'r4' declared pure here}}
