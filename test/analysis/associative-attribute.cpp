// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
//
// [[purecc::associative]] goes on a function or operator; anywhere else it
// is an error at the attribute. (Apart from associative.cpp: a compile error
// stops the check before the purity rules run.)

[[purecc::associative]] long sum(long a, long b) { return a + b; }
struct Acc {
  long v;
  [[purecc::associative]] Acc &operator+=(const Acc &o) { v += o.v; return *this; }
};
[[purecc::associative]] int not_a_function = 0; // expected-error {{'associative' attribute only applies to functions, member functions, function templates and lambdas [purecc-attribute-subject]}}
