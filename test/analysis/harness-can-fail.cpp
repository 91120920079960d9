// RUN: not %purecc check %s -- -std=c++20 -Xclang -verify
//
// A deliberately wrong expectation: the checker reports a write to a
// global here, not a read. If this test passed without `not`, the -verify
// harness would not be checking anything.
int g = 0;

[[pure]] int bump() { // expected-note {{'bump' declared pure here}}
  return ++g; // expected-error {{pure function 'bump' reads mutable global 'g'}}
}
