// [[pure]] is accepted on everything that is a function -- free functions,
// member functions, static members, constructors, function templates,
// lambdas and generic lambdas -- and rejected, with an error at the
// attribute, on anything else.
// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
// RUN: not %purecc check %s -- -std=c++20 2>&1 | FileCheck %s

[[pure]] int free_function(int x) { return x + 1; }
[[purecc::pure]] int free_function_qualified(int x) { return x - 1; }

struct Point {
  int x = 0, y = 0;
  [[pure]] Point(int a, int b) : x(a), y(b) {}
  [[pure]] int sum() const { return x + y; }
  [[pure]] static Point origin() { return Point(0, 0); }
};

template <class T> [[pure]] T twice(T v) { return v + v; }
int use_template = twice(21);

auto lambda = [] [[pure]] (int x) { return x * 2; };
auto generic_lambda = [] [[pure]] (auto x) { return x * 2; };
int use_generic = generic_lambda(2);

[[pure]] int variable = 0; // expected-error {{'pure' attribute only applies to functions, member functions, function templates and lambdas [purecc-attribute-subject]}}
// CHECK: attribute-subjects.cpp:[[@LINE-1]]:3: error: 'pure' attribute only applies to functions, member functions, function templates and lambdas [purecc-attribute-subject]
// CHECK-NEXT: [[@LINE-2]] | {{\[\[}}pure]] int variable = 0;
// CHECK-NEXT:    |   ^~~~

struct [[pure]] Type {}; // expected-error {{'pure' attribute only applies to functions, member functions, function templates and lambdas [purecc-attribute-subject]}}
// CHECK: attribute-subjects.cpp:[[@LINE-1]]:10: error: 'pure' attribute only applies to functions

int statement(int x) {
  [[pure]] return x; // expected-error {{'pure' attribute cannot be applied to a statement [purecc-attribute-subject]}}
// CHECK: attribute-subjects.cpp:[[@LINE-1]]:5: error: 'pure' attribute cannot be applied to a statement [purecc-attribute-subject]
}

[[pure(1)]] int with_arguments(int x) { return x; } // expected-error {{'pure' attribute takes no arguments}}
// CHECK: attribute-subjects.cpp:[[@LINE-1]]:3: error: 'pure' attribute takes no arguments
// CHECK: 4 errors generated.
