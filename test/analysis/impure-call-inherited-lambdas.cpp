// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
//
// R3: a lambda is the user's code wherever it runs. A class that inherits
// a lambda's call operator (the `overloaded{...}` idiom of std::visit, a
// `struct Wrap : L {}`) runs it when the library calls the class, and a
// lambda whose type a container is given (a hash, a comparator) runs when
// the container calls it: both were accepted while the lambda wrote a
// global (adv117 F2: a parallel sum over std::visit changed on every run).
// A lambda given to one call and run by a later one (a deleter run by the
// destructor, a view's function run by the algorithm) is judged once.
#include <algorithm>
#include <memory>
#include <unordered_set>
#include <variant>
#include <vector>

template <class... Ts> struct overloaded : Ts... {
  using Ts::operator()...;
};
template <class L> struct Wrap : L {};

long g_n = 0;

[[pure]] long visited(std::variant<long, double> x) { // expected-note {{'visited' declared pure here}}
  return std::visit(overloaded{[](long v) { return g_n += v; }, // expected-error {{pure function 'visited' calls 'lambda at line 25', which is not pure [purecc-impure-call]}} expected-note {{'lambda at line 25' is not pure because it writes to global 'g_n'}}
                               [](double) { return 0L; }},
                    x);
}

[[pure]] long counted(long x) { // expected-note {{'counted' declared pure here}}
  std::vector<long> v{x, 2};
  return std::count_if(v.begin(), v.end(), Wrap<decltype([](long a) { return ++g_n > a; })>{}); // expected-error {{pure function 'counted' calls 'lambda at line 32', which is not pure [purecc-impure-call]}} expected-note {{'lambda at line 32' is not pure because it writes to global 'g_n'}}
}

[[pure]] long sorted(long x) { // expected-note {{'sorted' declared pure here}}
  std::vector<long> v{x, 2};
  std::sort(v.begin(), v.end(), overloaded{[](long a, long b) { ++g_n; return a < b; }}); // expected-error {{pure function 'sorted' calls 'lambda at line 37', which is not pure [purecc-impure-call]}} expected-note {{'lambda at line 37' is not pure because it writes to global 'g_n'}}
  return v[0];
}

auto hash = [](long k) { ++g_n; return static_cast<unsigned long>(k); }; // expected-note 2 {{'lambda at line 41' is not pure because it writes to global 'g_n'}}

[[pure]] long hashed(long x) { // expected-note {{'hashed' declared pure here}}
  std::unordered_set<long, decltype(hash)> s;
  s.insert(x); // expected-error {{pure function 'hashed' calls 'lambda at line 41', which is not pure [purecc-impure-call]}} expected-note {{'std::unordered_set<long, decltype(hash)>::insert' calls 'lambda at line 41' here}}
  return static_cast<long>(s.size());
}

[[pure]] long hashed_through_base(long x) { // expected-note {{'hashed_through_base' declared pure here}}
  std::unordered_set<long, Wrap<decltype(hash)>> s;
  s.insert(x); // expected-error {{pure function 'hashed_through_base' calls 'lambda at line 41', which is not pure [purecc-impure-call]}} expected-note {{'std::unordered_set<long, Wrap<decltype(hash)>>::insert' calls 'lambda at line 41' here}}
  return static_cast<long>(s.size());
}

// Pure lambdas through the same classes are accepted.
[[pure]] long visited_pure(std::variant<long, double> x) {
  return std::visit(overloaded{[](long v) { return v + 1; }, [](double d) { return long(d); }}, x);
}

[[pure]] long hashed_pure(long x) {
  auto h = [](long k) { return static_cast<unsigned long>(k * 31); };
  std::unordered_set<long, decltype(h)> s(4, h);
  s.insert(x);
  return static_cast<long>(s.size());
}

// A local lambda that writes its parameter, given to for_each over the
// function's own vector: its writes are the function's own.
[[pure]] long doubled(long x) {
  std::vector<long> v{x, 2};
  auto twice = [](long &e) { e *= 2; };
  std::for_each(v.begin(), v.end(), Wrap<decltype(twice)>{twice});
  return v[0] + v[1];
}
