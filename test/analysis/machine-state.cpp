// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
//
// R2/R4: volatile objects, atomics and inline assembly are shared with
// the machine or other threads, never pure.
#include <atomic>

volatile int g_status = 0;
std::atomic<int> g_ticks{0};

[[pure]] int read_status(int x) { // expected-note 2 {{'read_status' declared pure here}}
  return x + g_status; // expected-error {{pure function 'read_status' accesses volatile variable 'g_status' [purecc-volatile]}}
  // expected-error@-1 {{pure function 'read_status' reads mutable global 'g_status'}}
}

[[pure]] int spin(int n) { // expected-note {{'spin' declared pure here}}
  volatile int delay = n;
  return delay; // expected-error {{pure function 'spin' accesses volatile variable 'delay'}}
}

[[pure]] int tick(int x) { // expected-note 2 {{'tick' declared pure here}}
  return x + g_ticks.load(); // expected-error {{pure function 'tick' uses atomic operations ('std::atomic<int>') [purecc-atomic]}}
  // expected-error@-1 {{pure function 'tick' reads mutable global 'g_ticks'}}
}

[[pure]] int local_atomic(int x) { // expected-note {{'local_atomic' declared pure here}}
  std::atomic<int> a{x};
  a.fetch_add(1); // expected-error {{pure function 'local_atomic' uses atomic operations ('std::atomic<int>')}}
  return x;
}

[[pure]] int with_asm(int x) { // expected-note {{'with_asm' declared pure here}}
  asm volatile("" ::: "memory"); // expected-error {{pure function 'with_asm' contains inline assembly [purecc-inline-asm]}}
  return x;
}

// A copy of an object with a volatile member reads that member, though no
// member is named (adv87 F15).
struct Reg { volatile long status; long w; };
[[pure]] long snap(const Reg &r) { Reg c = r; return c.w; } // expected-error {{pure function 'snap' accesses volatile memory [purecc-volatile]}} expected-note {{'snap' declared pure here}}
[[pure]] long snap_bound(const Reg &r) { auto [s, w] = r; return w; } // expected-error {{pure function 'snap_bound' accesses volatile memory [purecc-volatile]}} expected-note {{'snap_bound' declared pure here}}
[[pure]] long by_ref(const Reg &r) { const Reg &c = r; return c.w; }
