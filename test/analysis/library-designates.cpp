// RUN: %purecc check %s -- -std=c++20 -ferror-limit=0 -Xclang -verify
//
// Library calls that take a non-const argument without writing it (adv77
// F10): std::get, std::begin and std::data hand out a reference, iterator
// or pointer into it (what is written through that is judged where it is
// written); std::make_tuple and std::make_pair copy it, and a
// std::ranges algorithm whose iterator form only reads reads its range
// (what its callables and the element operators it runs do to the elements
// is judged as their calls). The same calls that do write are still errors,
// each once, at the write. std::tie still counts as a write where it is made:
// a tuple of references handed on or returned is not followed as a pointer
// is (adv79 F1-F3). Parameters are taken by non-const reference on
// purpose: that is the one error their signatures earn.
#include <algorithm>
#include <iterator>
#include <ranges>
#include <tuple>
#include <utility>
#include <variant>
#include <vector>

// expected-error@+1 {{pure function 'threes' takes parameter 'v' by non-const reference}}
[[pure]] int threes(std::vector<int> &v) { return (int)std::ranges::count(v, 3); } // expected-note {{declared pure here}}
// expected-error@+1 {{takes parameter 'v' by non-const reference}}
[[pure]] int head(std::vector<int> &v) { return *std::begin(v) + *std::data(v) + *std::ranges::begin(v); } // expected-note {{declared pure here}}
// expected-error@+1 {{takes parameter 'p' by non-const reference}}
[[pure]] int first(std::pair<int, int> &p) { return std::get<0>(p); } // expected-note {{declared pure here}}
struct P { int x, y; };
// expected-error@+1 {{takes parameter 'v' by non-const reference}}
[[pure]] int largest(std::vector<int> &v) { return std::ranges::max(v) + (int)std::ranges::distance(v); } // expected-note {{declared pure here}}
// expected-error@+1 {{takes parameter 'v' by non-const reference}}
[[pure]] int copied(std::vector<int> &v) { auto p = std::make_pair(v, 1); return (int)p.first.size(); } // expected-note {{declared pure here}}
struct S { int v; int bump() { return ++v; } int get() const { return v; } }; // expected-note {{'S::bump' modifies its object here}}
// A const member as the projection only reads.
// expected-error@+1 {{takes parameter 'v' by non-const reference}}
[[pure]] int projected(std::vector<S> &v) { return (int)std::ranges::count_if(v, [](int n) { return n > 3; }, &S::get); } // expected-note {{declared pure here}}

struct Sum3 {
  int v = 1;
  // expected-error@+1 {{pure member function 'Sum3::sum3' must be 'const' or 'static'}}
  [[pure]] int sum3() { auto [a, b, c] = std::make_tuple(v, v, v); return a + b + c; } // expected-note {{declared pure here}}
};

// The writes: through the result, by a callable, by an operator the
// algorithm runs, by a projection, by a copy constructor taking `A &`, by
// assigning to a tuple of references.
// expected-error@+1 {{takes parameter 'v' by non-const reference}}
[[pure]] int set_first(std::vector<int> &v) { // expected-note 2 {{declared pure here}}
  *std::ranges::begin(v) = 1; // expected-error {{pure function 'set_first' writes through parameter 'v' [purecc-param-write]}}
  return 0;
}
// expected-error@+1 {{takes parameter 'p' by non-const reference}}
[[pure]] int set_get(std::pair<int, int> &p) { // expected-note 2 {{declared pure here}}
  std::get<0>(p) = 5; // expected-error {{pure function 'set_get' writes through parameter 'p'}}
  return 0;
}
// expected-error@+1 {{takes parameter 'v' by non-const reference}}
[[pure]] int counts_and_bumps(std::vector<int> &v) { // expected-note 2 {{declared pure here}}
  return (int)std::ranges::count_if(v, [](int &x) { return ++x > 3; }); // expected-error {{pure function 'counts_and_bumps' writes through parameter 'v'}} expected-note {{'lambda at line 59' writes through its parameter 'x' here}}
}
// expected-error@+1 {{takes parameter 'v' by non-const reference}}
[[pure]] int sets_each(std::vector<int> &v) { // expected-note 2 {{declared pure here}}
  std::ranges::for_each(v, [](int &x) { x = 1; }); // expected-error {{pure function 'sets_each' writes through parameter 'v'}} expected-note {{'lambda at line 63' writes through its parameter 'x' here}}
  return 0;
}
struct B { int x; bool operator==(const B &o) { x++; return x == o.x; } }; // expected-note {{'B::operator==' modifies its object here}}
// expected-error@+1 {{takes parameter 'v' by non-const reference}}
[[pure]] int counts_b(std::vector<B> &v, const B &b) { // expected-note 2 {{declared pure here}}
  return (int)std::count(v.begin(), v.end(), b); // expected-error {{pure function 'counts_b' writes through parameter 'v'}}
}
// expected-error@+1 {{takes parameter 'v' by non-const reference}}
[[pure]] int projects_bump(std::vector<S> &v) { // expected-note 2 {{declared pure here}}
  return (int)std::ranges::count_if(v, [](int n) { return n > 3; }, &S::bump); // expected-error {{pure function 'projects_bump' writes through parameter 'v'}}
}
struct A { int x; A(int v) : x(v) {} A(A &o) : x(o.x) { o.x = 0; } }; // expected-note {{'A::A' writes through its parameter 'o' here}}
// expected-error@+1 {{takes parameter 'a' by non-const reference}}
[[pure]] int copies_a(A &a) { // expected-note 2 {{declared pure here}}
  auto t = std::make_tuple(a); // expected-error {{pure function 'copies_a' writes through parameter 'a'}}
  return std::get<0>(t).x;
}
// A constructor template takes a non-const lvalue ahead of the copy
// constructor, and may write it.
struct Greedy { int x; Greedy(const Greedy &o) : x(o.x) {} template <class U> Greedy(U &&o) : x(o.x) { o.x = 0; } };
struct Holds { Greedy *g; };
[[pure]] int copies_greedy(const Holds &h) { // expected-note {{declared pure here}}
  auto t = std::make_tuple(*h.g); // expected-error {{pure function 'copies_greedy' writes through pointer member 'g' that may point to memory it does not own}}
  return std::get<0>(t).x;
}
// expected-error@+1 {{takes parameter 'p' by non-const reference}}
[[pure]] int assigns_tie(P &p) { // expected-note 2 {{declared pure here}}
  std::tie(p.x, p.y) = std::pair{1, 2}; // expected-error {{pure function 'assigns_tie' writes through parameter 'p'}}
  return 0;
}
// expected-error@+1 {{takes parameter 'v' by non-const reference}}
[[pure]] int visits(std::variant<int, double> &v) { // expected-note 2 {{declared pure here}}
  std::visit([](auto &x) { x = 1; }, v); // expected-error {{pure function 'visits' writes through parameter 'v'}} expected-note {{'lambda at line 96' writes through its parameter 'x' here}}
  return 0;
}
// expected-error@+1 2 {{takes parameter}}
[[pure]] int swaps(int &a, int &b) { // expected-note 4 {{declared pure here}}
  std::ranges::swap(a, b); // expected-error {{pure function 'swaps' writes through parameter 'a'}} expected-error {{pure function 'swaps' writes through parameter 'b'}}
  return 0;
}
struct Pair {
  int x = 0, y = 0;
  // expected-error@+1 {{pure member function 'Pair::reset' must be 'const' or 'static'}}
  [[pure]] int reset() { // expected-note 3 {{declared pure here}}
    std::tie(x, y) = std::pair{1, 2}; // expected-error {{pure function 'Pair::reset' modifies member 'x' of its object}} expected-error {{pure function 'Pair::reset' modifies member 'y' of its object}}
    return 0;
  }
};

// A global handed to them is read where the result is used, once.
std::pair<int, int> G{1, 2};
[[pure]] int global_first() { return std::get<0>(G); } // expected-note {{declared pure here}} expected-error {{pure function 'global_first' reads mutable global 'G' [purecc-global-read]}}

// adv79: the ways a write hid behind these calls.
struct H { int *p; std::vector<int> *vp; };
[[pure]] int tied(const H &h) { // expected-note 2 {{declared pure here}}
  auto t = std::tie(*h.p); // expected-error {{pure function 'tied' writes through pointer member 'p' that may point to memory it does not own [purecc-nonlocal-write]}}
  auto u = t;
  std::get<0>(u) = 3; // expected-error {{pure function 'tied' writes through pointer member 'p' that may point to memory it does not own}}
  return 0;
}
[[pure]] int copied_tuple(const H &h) { // expected-note {{declared pure here}}
  std::tuple<int &> t{*h.p};
  auto u = t;
  std::get<0>(u) = 3; // expected-error {{pure function 'copied_tuple' writes through pointer member 'p' that may point to memory it does not own}}
  return 0;
}
[[pure]] int handed_on(const H &h, int i) { // expected-note {{declared pure here}}
  auto put = [](std::tuple<int &> x, int v) { std::get<0>(x) = v; return 0; };
  return put(std::tie(*h.p), i); // expected-error {{pure function 'handed_on' writes through pointer member 'p' that may point to memory it does not own}}
}
struct Logged { int *log; int get() const { return (*log)++; } }; // expected-note {{'Logged::get' is not pure because it writes through pointer member 'log' that may point to memory it does not own}}
[[pure]] long hits(const std::vector<Logged> &v, int i) { // expected-note {{declared pure here}}
  return (long)std::ranges::count(v, i, &Logged::get); // expected-error {{pure function 'hits' calls 'Logged::get', which is not pure [purecc-impure-call]}}
}
[[pure]] long transformed(const H &h, int i) { // expected-note {{declared pure here}}
  // The view's callable runs on the elements of the range piped into it.
  return (long)std::ranges::count_if(*h.vp | std::views::transform([](int &x) { return x++; }), // expected-error {{pure function 'transformed' writes through pointer member 'vp' that may point to memory it does not own}} expected-note {{'lambda at line 141' writes through its parameter 'x' here}}
                                     [i](int x) { return x == i; });
}

// The idiom of a lexicographic order compares tuples of references made
// only to be compared: no write (adv80 F5).
struct Two { P *a; P *b; };
[[pure]] bool before(const Two &h) { return std::tie(h.a->x, h.a->y) < std::tie(h.b->x, h.b->y); }
[[pure]] bool same(const Two &h) { return std::tie(h.a->x, h.a->y) == std::tie(h.b->x, h.b->y); }

// adv80: a callable handed a pointer the library takes from the elements
// (or unpacks from a tuple) writes what it points to.
[[pure]] long bumps(const std::vector<int *> &v, int i) { // expected-note {{declared pure here}}
  return (long)std::ranges::count_if(v, [i](int *p) { return (*p)++ == i; }); // expected-error {{pure function 'bumps' writes through a pointer that may point to memory it does not own}} expected-note {{'lambda at line 154' writes through its parameter 'p' here}}
}
[[pure]] long unpacks(const H &h) { // expected-note {{declared pure here}}
  return std::apply([](int *p) { return ++*p; }, std::make_tuple(h.p)); // expected-error {{pure function 'unpacks' writes through a pointer that may point to memory it does not own}} expected-note {{'lambda at line 157' writes through its parameter 'p' here}}
}
// The view's callable writes the elements of a local vector (adv80 F4: this
// was taken for anyone's memory), and reads a pointer's target.
[[pure]] long local_view(int n, const std::vector<int *> &v) {
  std::vector<int> w(n, 1);
  return (long)std::ranges::count_if(w | std::views::transform([](int &x) { return ++x; }), [](int x) { return x > 1; }) +
         (long)std::ranges::count_if(v, [](const int *p) { return *p > 1; });
}

int main() {}
