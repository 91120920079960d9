// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
//
// R6: templates are checked per instantiation. A violation that exists
// only for one instantiation is reported with a note at the point where
// that instantiation was requested.
int g_calls = 0;

struct Square {
  int operator()(int x) const { return x * x; }
};
struct CountingSquare {
  int operator()(int x) const { ++g_calls; return x * x; } // expected-note {{'CountingSquare::operator()' is not pure because it writes to global 'g_calls'}}
};

template <class F>
[[pure]] int apply_twice(F f, int x) { // expected-note {{'apply_twice<CountingSquare>' declared pure here}}
  return f(x) + 1; // expected-error {{pure function 'apply_twice<CountingSquare>' calls 'CountingSquare::operator()', which is not pure}}
}

template <class T>
struct Box {
  T value;
  [[pure]] T doubled() const { return value + value; } // expected-note {{'Box<Loud>::doubled' declared pure here}}
  // expected-error@-1 {{pure function 'Box<Loud>::doubled' calls 'operator+', which is not pure}}
};

struct Loud { int v; };
Loud operator+(Loud a, Loud b) { ++g_calls; return {a.v + b.v}; } // expected-note {{'operator+' is not pure because it writes to global 'g_calls'}}

// Generic lambdas are checked per specialization too.
auto twice = [] [[pure]] (auto x) { return x + x; };

int use() {
  int a = apply_twice(Square{}, 3);
  int b = apply_twice(CountingSquare{}, 3); // expected-note {{in instantiation of function template specialization 'apply_twice<CountingSquare>' requested here}}
  Box<int> bi{2};
  Box<Loud> bl{{2}};
  return a + b + bi.doubled() + bl.doubled().v + twice(4); // expected-note {{in instantiation of member function 'Box<Loud>::doubled' requested here}}
}
