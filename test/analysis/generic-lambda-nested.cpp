// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
// RUN: %purecc check --remarks %s -- -std=c++20 -Xclang -verify
// RUN: not %purecc check %s -- -std=c++20 2>&1 | FileCheck %s --check-prefix=COUNT
// RUN: not %purecc check --remarks %s -- -std=c++20 2>&1 | FileCheck %s --check-prefix=COUNT
//
// A [[pure]] lambda or local class member declared in the body of a generic
// lambda exists only in the bodies of that lambda's specializations, which
// are not part of the lambda expression: they were never looked at, and
// such a function passed unchecked ("0 pure functions verified", exit 0) in
// both attribute modes. Each is declared once in the source but instantiated
// once per specialization of every template around it: each instance is
// judged, and an error that another instance would repeat word for word is
// reported once (docs/purity.md, R6).
//
// The summary counts each written function once, verified only when all
// its instances are: here only the lambda at line 75 (two instances).
// COUNT: 1 file, 1 pure function verified, 9 violations
int g = 0;

// In a generic lambda at namespace scope, instantiated once.
auto once = [](auto x) {
  auto in = [] [[pure]] (int y) { return y + g; }; // expected-error {{pure function 'lambda at line 22' reads mutable global 'g'}} \
                                                      expected-note {{'lambda at line 22' declared pure here}}
  return in(x);
};

// Instantiated twice: one error, not one per specialization.
auto twice = [](auto x) {
  auto in = [] [[pure]] (int y) { return y + g; }; // expected-error {{pure function 'lambda at line 29' reads mutable global 'g'}} \
                                                      expected-note {{'lambda at line 29' declared pure here}}
  return in(int(x));
};

// Generic lambdas nested in generic lambdas.
auto nested = [](auto a) {
  return [](auto b) {
    return [](auto c) {
      auto in = [] [[pure]] (int y) { return y * g; }; // expected-error {{pure function 'lambda at line 38' reads mutable global 'g'}} \
                                                          expected-note {{'lambda at line 38' declared pure here}}
      return in(int(c));
    }(b);
  }(a);
};

// A generic lambda in a member of a class template.
template <class T> struct Widget {
  int run(T t) const {
    auto gl = [](auto x) {
      auto in = [] [[pure]] (int y) { ++g; return y; }; // expected-error {{pure function 'lambda at line 49' writes to global 'g'}} \
                                                           expected-note {{'lambda at line 49' declared pure here}}
      return in(int(x));
    };
    return gl(t);
  }
};

// `auto` parameters: an abbreviated function template.
int abbreviated(auto x) {
  auto in = [] [[pure]] (int y) { return y - g; }; // expected-error {{pure function 'lambda at line 59' reads mutable global 'g'}} \
                                                      expected-note {{'lambda at line 59' declared pure here}}
  return in(int(x));
}

// A member function of a local class in a generic lambda.
auto local = [](auto x) {
  struct Reader { // expected-note {{in instantiation of member function 'Reader::get' requested here}}
    [[pure]] int get(int y) const { return y + g; } // expected-error {{pure function 'Reader::get' reads mutable global 'g'}} \
                                                       expected-note {{'Reader::get' declared pure here}}
  };
  return Reader{}.get(int(x));
};

// Pure ones pass, instantiated twice: counted once.
auto fine = [](auto x) {
  auto in = [] [[pure]] (int y) { return y + 1; };
  return in(int(x));
};

// A generic [[pure]] lambda itself, called with two types: reported once
// (its specializations' errors read the same).
int generic() {
  auto l = [] [[pure]] (auto x) { return x + g; }; // expected-error {{pure function 'lambda at line 82' reads mutable global 'g'}} \
                                                      expected-note {{'lambda at line 82' declared pure here}}
  return l(1) + int(l(2L));
}

// Nothing of an uninstantiated template runs: checked, like any template,
// in each instantiation (R6), and this one has none.
auto unused = [](auto x) {
  auto in = [] [[pure]] (int y) { return y + g; };
  return in(int(x));
};
template <class T> int unusedTemplate(T x) {
  auto in = [] [[pure]] (int y) { return y + g; };
  return in(int(x));
}

// An error that differs between instances is reported for each instance
// that has it: only the one for which the callee is impure.
struct Quiet { static int read() { return 1; } };
struct Loud { static int read() { return g; } }; // expected-note {{'Loud::read' is not pure because it reads mutable global 'g'}}
auto dependent = [](auto x) {
  auto in = [] [[pure]] (int y) { return y + decltype(x)::read(); }; // expected-error {{pure function 'lambda at line 103' calls 'Loud::read', which is not pure}} \
                                                                        expected-note {{'lambda at line 103' declared pure here}}
  return in(1);
};

// A local class member in a function template instantiated twice.
template <class T> int localInTemplate(T x) {
  struct Reader {
    [[pure]] int get(int y) const { return y + g; } // expected-error {{pure function 'localInTemplate(int)::Reader::get' reads mutable global 'g'}} \
                                                       expected-note {{'localInTemplate(int)::Reader::get' declared pure here}}
  }; // expected-note@-3 {{in instantiation of member function 'localInTemplate(int)::Reader::get' requested here}}
  return Reader{}.get(int(x));
}

int use() {
  Widget<int> w;
  return once(1) + twice(1) + twice(2.0) + nested(1) + nested(2L) + w.run(1) + abbreviated(1) +
         abbreviated('c') + local(1) + local(2L) + fine(1) + fine(2L) + generic() +
         dependent(Quiet{}) + dependent(Loud{}) + localInTemplate(1) + localInTemplate(2L);
}
