// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
//
// A lambda written in a member function writes the object whose `this` it
// captured (`[&]`, `[this]`): called there, that is the member function's
// own object, judged where the member function is called, as a write the
// member function makes itself (adv120 F2: dragonbox's 128-bit `operator+=`
// keeps its generic path in a `[&] { high_ += ...; }` lambda, and every
// function formatting a double was "writes through a pointer that may
// point to memory it does not own"). A `[*this]` lambda writes its own
// copy. Called anywhere else, what `this` points to is not known.
#include <algorithm>
#include <vector>

struct Wide {
  unsigned long high = 0, low = 0;
  long total = 0;
  Wide &add(unsigned long n) & {
    auto generic = [&] {
      auto sum = low + n;
      high += (sum < low);
      low = sum;
    };
    generic();
    return *this;
  }
  Wide &add_captured(unsigned long n) {
    [this, n] { low += n; }();
    return *this;
  }
  void reset() { high = low = 0; }
  void nested() {
    [&] { [&] { low = 1; reset(); }(); }(); // expected-note {{'Wide::nested' modifies its object here}}
  }
  long sum(const std::vector<int> &v) {
    std::for_each(v.begin(), v.end(), [&](int x) { total += x; });
    return total;
  }
  unsigned long copied() { return [*this]() mutable { low += 1; return low; }(); }
  auto make() { return [this] { low = 0; }; } // expected-note {{'lambda at line 39' modifies the object whose 'this' it captured here}}
};

[[pure]] unsigned long local_object(unsigned long a) {
  Wide w;
  w.low = a;
  w.add(5).add_captured(3);
  w.nested();
  return w.high + w.low + w.copied();
}
[[pure]] long algorithm(const std::vector<int> &v) {
  Wide w;
  return w.sum(v);
}

Wide g_wide;
struct Holder {
  Wide *p;
};
[[pure]] unsigned long copy_of_global(unsigned long a) { // expected-note {{'copy_of_global' declared pure here}}
  return g_wide.copied() + a; // expected-error {{pure function 'copy_of_global' reads mutable global 'g_wide' [purecc-global-read]}}
}
[[pure]] unsigned long global_object(unsigned long a) { // expected-note {{'global_object' declared pure here}}
  g_wide.nested(); // expected-error {{pure function 'global_object' writes to global 'g_wide' [purecc-global-write]}}
  return a;
}
// A member pointing to a local: the local is written.
[[pure]] unsigned long through_member(unsigned long a) {
  Wide w;
  Holder h{&w};
  h.p->add_captured(a);
  return w.low;
}
// The lambda leaves the member function that made it: where its `this`
// points is not followed (a write of `w`, refused all the same).
[[pure]] unsigned long escaped(unsigned long a) { // expected-note {{'escaped' declared pure here}}
  Wide w;
  auto clear = w.make();
  clear(); // expected-error {{pure function 'escaped' writes through a pointer that may point to memory it does not own [purecc-nonlocal-write]}}
  return a;
}

// Declared pure itself, a lambda's write through its captured `this` is
// outside the call.
struct Counter {
  long n = 0;
  long bump() {
    auto step = [this] [[pure]] () { return ++n; }; // expected-error {{pure function 'lambda at line 86' writes through a pointer that may point to memory it does not own [purecc-nonlocal-write]}} expected-note {{'lambda at line 86' declared pure here}}
    return step();
  }
};
