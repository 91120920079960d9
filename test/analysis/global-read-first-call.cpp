// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
//
// R2 for a `static const` local whose initializer reads the call that first
// reaches it (adv71 F1): `static const long K = k * 2;` keeps the first
// call's `k`, so every later call's result depends on which call came first
// (and a task on another rank, or a memoized result from another run, saw
// another first call). Initializers that read nothing of the call are
// constants like any other.
#include <string>
#include <vector>

[[pure]] long scaled(long i, long k) { // expected-note {{'scaled' declared pure here}}
  static const long K = k * 2;
  return i * K; // expected-error {{pure function 'scaled' reads the first call's value of 'K' [purecc-global-read]}}
}

[[pure]] long table_at(long i, long n) { // expected-note 2 {{'table_at' declared pure here}}
  static const std::vector<long> table = [&] { // a local's value, through a capture
    std::vector<long> t;
    for (long j = 0; j < n; ++j)
      t.push_back(j * j);
    return t;
  }();
  return table[i % long(table.size())]; // expected-error 2 {{pure function 'table_at' reads the first call's value of 'table' [purecc-global-read]}}
}

struct Grid {
  long width = 4;
  [[pure]] long row_of(long at) const { // expected-note {{'Grid::row_of' declared pure here}}
    static const long W = width; // its object's
    return at / W; // expected-error {{pure function 'Grid::row_of' reads the first call's value of 'W' [purecc-global-read]}}
  }
};

[[pure]] long from_local(long i) { // expected-note {{'from_local' declared pure here}}
  long base = i + 1;
  static const long B = base;
  return B; // expected-error {{pure function 'from_local' reads the first call's value of 'B' [purecc-global-read]}}
}

// Inside a lambda, what it captured from the enclosing call (adv73 F1), by
// copy or by reference, also through a helper the checker infers pure.
[[pure]] long captured(long i, long k) { // expected-note {{'captured' declared pure here}}
  auto l = [k](long j) {
    static const long K = k;
    return j * K; // expected-note {{'lambda at line 44' is not pure because it reads the first call's value of 'K'}}
  };
  return l(i); // expected-error {{pure function 'captured' calls 'lambda at line 44', which is not pure [purecc-impure-call]}}
}
[[pure]] long captured_by_reference(long k) { // expected-note {{'captured_by_reference' declared pure here}}
  return [&] { // expected-error {{pure function 'captured_by_reference' calls 'lambda at line 51', which is not pure [purecc-impure-call]}}
    static const long K = k + 1;
    return K; // expected-note {{'lambda at line 51' is not pure because it reads the first call's value of 'K'}}
  }();
}
long helper(long k) {
  auto l = [k] { static const long K = k; return K; }; // expected-note {{'lambda at line 57' is not pure because it reads the first call's value of 'K'}}
  return l(); // expected-note {{'helper' is not pure because it calls 'lambda at line 57', which is not pure}}
}
[[pure]] long through_helper(long k) { // expected-note {{'through_helper' declared pure here}}
  return helper(k); // expected-error {{pure function 'through_helper' calls 'helper', which is not pure [purecc-impure-call]}}
}

// Nothing of the call: the same value whichever call comes first.
[[pure]] long squares(long n) {
  static const std::vector<long> table = [] {
    std::vector<long> t;
    for (long j = 0; j < 16; ++j)
      t.push_back(j * j);
    return t;
  }();
  return table[n % 16];
}
[[pure]] long lambda_parameter(long i) {
  static const long L = [](long k) { return k * 3; }(7); // the lambda's own parameter
  static const std::string name = std::string("grid");
  static const long C = 5;
  return i + L + C + long(name.size());
}

int main() {
  return int(scaled(1, 2) + table_at(1, 3) + Grid{}.row_of(9) + from_local(2) + squares(3) +
             lambda_parameter(4) + captured(1, 2) + captured_by_reference(3) + through_helper(4));
}
