// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
//
// R1: placement new makes an object in storage it is given, and writes
// there. Into the function's own object's member (tl::optional's emplace:
// `new (std::addressof(this->m_value)) T(...)`, a small vector's inline
// buffer) it is a write of that object, judged as one (adv123: "writes to
// memory it does not own through placement new" for every emplace); into
// what a parameter points to, a write of the caller's object. It cannot
// strip `const` (its operand converts to `void *` only from a pointer to
// non-const), so only a write into a global or unknown memory is named for
// how it was made.
#include <memory>
#include <new>
#include <string>

template <class T> struct Slot {
  Slot() : dummy(), full(false) {}
  ~Slot() {
    if (full)
      value.~T();
  }
  template <class... A> T &emplace(A &&...a) {
    if (full)
      value.~T();
    new (std::addressof(value)) T(static_cast<A &&>(a)...); // expected-note {{'Slot<long>::emplace<long &>' modifies its object here}}
    full = true;
    return value;
  }
  struct Dummy {};
  union {
    Dummy dummy;
    T value;
  };
  bool full;
};

[[pure]] long emplaced(long n) { // accepted: the slot is the function's own
  Slot<long> s;
  return s.emplace(n + 1) * 2;
}

[[pure]] long emplaced_string(long n) { // accepted
  Slot<std::string> s;
  return long(s.emplace(size_t(n), 'y').size());
}

struct Buffer {
  alignas(long) unsigned char bytes[4 * sizeof(long)];
  long count = 0;
  void push(long v) { ::new (static_cast<void *>(bytes + count++ * sizeof(long))) long(v); }
  long at(long i) const { return *std::launder(reinterpret_cast<const long *>(bytes + i * sizeof(long))); }
};

[[pure]] long buffered(long n) { // accepted: an inline buffer of a local
  Buffer b;
  b.push(n);
  b.push(n * 3);
  return b.at(0) + b.at(1);
}

// The caller's slot, through a parameter: a write of the caller's object.
[[pure]] long refill(Slot<long> &s, long n) { // expected-note 2 {{'refill' declared pure here}} expected-error {{pure function 'refill' takes parameter 's' by non-const reference [purecc-param-indirection]}}
  return s.emplace(n); // expected-error {{pure function 'refill' writes through parameter 's' [purecc-param-write]}}
}

// A member function that is pure must not change its object.
struct Holder {
  Slot<long> slot;
  [[pure]] long reset(long n) const { // expected-note {{'Holder::reset' declared pure here}}
    new (const_cast<long *>(std::addressof(slot.value))) long(n); // expected-error {{pure function 'Holder::reset' writes to memory it does not own through 'const_cast' [purecc-cast-write]}}
    return n;
  }
};

long g_storage[2];
[[pure]] long into_global(long n) { // expected-note {{'into_global' declared pure here}}
  ::new (static_cast<void *>(&g_storage[1])) long(n); // expected-error {{pure function 'into_global' writes to memory it does not own through placement new [purecc-cast-write]}}
  return n;
}
