// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
//
// The standard-library model (analysis/StdlibPurity.def, LibraryNames.h):
// value types used on locals are pure; used on globals they are reads and
// writes of the global; a call the model does not know is named as the user
// wrote it, never through the library's implementation classes.
#include <memory>
#include <random>
#include <ranges>
#include <regex>
#include <vector>

// A shared_ptr's reference count is the pointer's own state: copies, ->, *
// and use_count on locals are pure.
struct Pt { int x, y; };
[[pure]] long shared_local(int a) {
  auto p = std::make_shared<Pt>(Pt{a, a});
  auto q = p;
  return p->x + (*q).y + q.use_count();
}

// Resetting a global shared_ptr (a member of its implementation base) is a
// write of the global, not an unknown call.
std::shared_ptr<int> g_cfg;
[[pure]] int reset_global(int x) { // expected-note {{'reset_global' declared pure here}}
  g_cfg.reset(); // expected-error {{pure function 'reset_global' writes to global 'g_cfg'}}
  return x;
}

// An engine advanced on a local is local state; on a global it is a write.
std::mt19937_64 g_rng(7);
[[pure]] unsigned long draw(unsigned long seed) { // expected-note {{'draw' declared pure here}}
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<int> die(1, 6);
  return rng() + die(rng) + g_rng(); // expected-error {{pure function 'draw' writes to global 'g_rng'}}
}

// Calls the model does not know are named through the type the user wrote
// (std::regex, not std::basic_regex<char, std::regex_traits<char>>).
[[pure]] unsigned marks(int x) { // expected-note 2 {{'marks' declared pure here}}
  std::regex re("a+"); // expected-error {{pure function 'marks' calls the destructor of 'std::regex', which is not known to be pure}}
  return re.mark_count() + unsigned(x); // expected-error {{pure function 'marks' calls 'std::regex::mark_count', which is not known to be pure}}
}

// The callable given to a views adaptor is judged where it is given.
int g_seen;
[[pure]] long squares(const std::vector<int> &v) { // expected-note {{'squares' declared pure here}}
  long s = 0;
  for (int x : v | std::views::transform([](int y) { return y * y; }))
    s += x;
  for (int x : v | std::views::transform([](int y) { g_seen = y; return y; })) // expected-error {{pure function 'squares' calls 'lambda at line 51', which is not pure}} expected-note {{'lambda at line 51' is not pure because it writes to global 'g_seen'}}
    s += x;
  return s;
}
