// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
//
// R1 (this): a pure member function is const or static and does not modify
// its object, not even through a mutable member. A pure constructor may
// initialize its own object.
class Cache {
public:
  [[pure]] int lookup(int k) const { // expected-note {{'Cache::lookup' declared pure here}}
    ++hits_; // expected-error {{pure function 'Cache::lookup' modifies mutable member 'hits_' [purecc-this-write]}}
    return k + base_;
  }

  // Not const: the object is state shared between calls.
  [[pure]] int scale(int k) { // expected-note {{'Cache::scale' declared pure here}}
    // expected-error@-1 {{pure member function 'Cache::scale' must be 'const' or 'static' [purecc-nonconst-member]}}
    return k * base_;
  }

  [[pure]] int rebase(int k) { // expected-note 2 {{'Cache::rebase' declared pure here}}
    // expected-error@-1 {{pure member function 'Cache::rebase' must be 'const' or 'static'}}
    base_ = k; // expected-error {{pure function 'Cache::rebase' modifies member 'base_' of its object}}
    return k;
  }

  // Accepted: const members that only read, static members, constructors.
  [[pure]] int peek(int k) const { return k + base_; }
  [[pure]] static int twice(int k) { return 2 * k; }
  [[pure]] explicit Cache(int b) : base_(b) { base_ += 1; }

private:
  int base_ = 0;
  mutable int hits_ = 0;
};

// A helper object mutated through its non-const members: fine when the
// object is a local of the pure function.
struct Accumulator {
  int total = 0;
  void add(int x) { total += x; }
  int get() const { return total; }
};

[[pure]] int sum_to(int n) {
  Accumulator acc;
  for (int i = 1; i <= n; ++i)
    acc.add(i);
  return acc.get();
}

struct Holder {
  Accumulator acc;
  void bump() { acc.add(1); }
  [[pure]] int bumped() const {
    Holder copy = *this;
    copy.bump();
    return copy.acc.get();
  }
};
