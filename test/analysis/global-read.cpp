// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
//
// R2: a pure function reads no mutable global state. const and constexpr
// globals cannot change between calls, so reading them is fine.
int g_scale = 3;
const int k_offset = 7;
constexpr int k_table[4] = {1, 2, 4, 8};
struct Config { static int level; static const int max = 9; };
int Config::level = 1;
thread_local int t_seed = 42;

[[pure]] int scaled(int x) { // expected-note {{'scaled' declared pure here}}
  return x * g_scale; // expected-error {{pure function 'scaled' reads mutable global 'g_scale' [purecc-global-read]}}
}

[[pure]] int leveled(int x) { // expected-note {{'leveled' declared pure here}}
  return x + Config::level; // expected-error {{pure function 'leveled' reads mutable static data member 'level'}}
}

[[pure]] int seeded(int x) { // expected-note {{'seeded' declared pure here}}
  return x ^ t_seed; // expected-error {{pure function 'seeded' reads mutable thread_local 't_seed'}}
}

int helper_reads() { return g_scale; } // expected-note {{'helper_reads' is not pure because it reads mutable global 'g_scale'}}

[[pure]] int indirect_read(int x) { // expected-note {{'indirect_read' declared pure here}}
  return x + helper_reads(); // expected-error {{pure function 'indirect_read' calls 'helper_reads', which is not pure}}
}

// Accepted: constants, constexpr tables, static const members.
[[pure]] int constants(int i) {
  return k_table[i & 3] + k_offset + Config::max;
}

// A mutable member of a const global can change between calls.
struct Counted { int size; mutable int hits; };
const Counted g_counted{8, 0};
[[pure]] int counted_size(int i) { return i + g_counted.size; }
[[pure]] int counted_hits(int i) { // expected-note {{'counted_hits' declared pure here}}
  return i + g_counted.hits; // expected-error {{pure function 'counted_hits' reads mutable global 'g_counted' [purecc-global-read]}}
}

// Read through what a container hands out: one diagnostic, at the name
// (`*g_v.begin()` was reported twice, for the name and for the load).
#include <iterator>
#include <memory>
#include <vector>
std::vector<int> g_v{1, 2, 3};
std::unique_ptr<int> g_up = std::make_unique<int>(4);
[[pure]] int through_begin() { // expected-note 2 {{'through_begin' declared pure here}}
  return *g_v.begin() + *std::begin(g_v); // expected-error 2 {{pure function 'through_begin' reads mutable global 'g_v'}}
}
[[pure]] int through_data() { // expected-note 3 {{'through_data' declared pure here}}
  return *g_v.data() + g_v.front() + g_v[1]; // expected-error 3 {{pure function 'through_data' reads mutable global 'g_v'}}
}
[[pure]] int through_pointer() { // expected-note {{'through_pointer' declared pure here}}
  return *g_up; // expected-error {{pure function 'through_pointer' reads mutable global 'g_up'}}
}
[[pure]] int kept_iterator() { // expected-note {{'kept_iterator' declared pure here}}
  auto it = g_v.begin(); // expected-note {{'it' refers to 'g_v' here}}
  return *it; // expected-error {{pure function 'kept_iterator' reads mutable global 'g_v'}}
}

// A reference wrapper made by copy-initialization, as by std::ref, only
// refers to the global (adv86 F3: it was counted as a read): what is done
// through it is judged there.
#include <functional>
long g_wrapped = 1;
[[pure]] long wrap_only() { std::reference_wrapper<long> r = g_wrapped; auto s = std::ref(g_wrapped); (void)r; (void)s; return 1; }
[[pure]] long wrap_and_read() { // expected-note {{'wrap_and_read' declared pure here}}
  std::reference_wrapper<long> r = g_wrapped; // expected-note {{'r' refers to 'g_wrapped' here}}
  return r.get(); // expected-error {{pure function 'wrap_and_read' reads mutable global 'g_wrapped' [purecc-global-read]}}
}
