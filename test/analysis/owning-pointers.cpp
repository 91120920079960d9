// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
//
// A private pointer member that only ever holds a block of its own object
// (allocated, stolen from another object that is left null, or swapped
// with one) owns what it points to: writing through it writes the object
// (OwningPointers.h). The classic buffer, matrix and pimpl classes.
// Anything that could make two objects share a block, or point the member
// at memory someone else owns, and it may point anywhere, as before.
#include <algorithm>
#include <utility>

// The rule of three: allocated in every constructor, freed in the destructor.
class Buffer {
  long *d;
  long n;
public:
  explicit Buffer(long k) : d(new long[k]), n(k) { for (long i = 0; i < k; ++i) d[i] = i; }
  Buffer(const Buffer &o) : d(new long[o.n]), n(o.n) { std::copy(o.d, o.d + n, d); }
  Buffer &operator=(const Buffer &o) {
    if (this != &o) { long *fresh = new long[o.n]; std::copy(o.d, o.d + o.n, fresh); delete[] d; d = fresh; n = o.n; }
    return *this;
  }
  ~Buffer() { delete[] d; }
  void set(long i, long v) { d[i] = v; } // expected-note {{'Buffer::set' modifies its object here}}
  long get(long i) const { return d[i]; }
  long size() const { return n; }
};
[[pure]] long buffer_sum(long k) {
  Buffer a(k), b(1);
  for (long i = 0; i < k; ++i) a.set(i, 2 * i);
  b = a;
  Buffer c = b;
  c.set(0, 7);
  long s = 0;
  for (long i = 0; i < k; ++i) s += a.get(i) + c.get(i);
  return s;
}
// Written through on the caller's object: still a write there.
[[pure]] long poke(const Buffer &b) { Buffer &m = const_cast<Buffer &>(b); m.set(0, 1); return m.get(0); } // expected-error {{pure function 'poke' writes through parameter 'b' [purecc-param-write]}} expected-note {{'poke' declared pure here}}
// A const member writing through it still writes its object.
class Counter {
  long *hits;
public:
  Counter() : hits(new long(0)) {}
  Counter(const Counter &) = delete;
  Counter &operator=(const Counter &) = delete;
  ~Counter() { delete hits; }
  void bump() const { ++*hits; } // expected-note {{'Counter::bump' modifies its object here}}
  long value() const { return *hits; }
};
[[pure]] long bump_caller(const Counter &c) { c.bump(); return c.value(); } // expected-error {{pure function 'bump_caller' writes through parameter 'c' [purecc-param-write]}} expected-note {{'bump_caller' declared pure here}}
[[pure]] long bump_own(long k) { Counter c; for (long i = 0; i < k; ++i) c.bump(); return c.value(); }

// Moved: stolen from an object then left null, by std::exchange or by a
// statement of its own; copy-and-swap.
class Movable {
  long *d = nullptr;
public:
  explicit Movable(long v) : d(new long(v)) {}
  Movable(Movable &&o) noexcept : d(std::exchange(o.d, nullptr)) {}
  Movable &operator=(Movable o) noexcept { std::swap(d, o.d); return *this; }
  ~Movable() { delete d; }
  void add(long v) { *d += v; }
  long get() const { return d ? *d : -1; }
};
class Stolen {
  long *d;
public:
  explicit Stolen(long v) : d(new long(v)) {}
  Stolen(Stolen &&o) noexcept : d(o.d) { o.d = nullptr; }
  Stolen &operator=(Stolen &&o) noexcept { delete d; d = o.d; o.d = nullptr; return *this; }
  ~Stolen() { delete d; }
  void add(long v) { *d += v; }
  long get() const { return d ? *d : -1; }
};
[[pure]] long moves(long v) {
  Movable a(v), b(0);
  b = std::move(a);
  b.add(1);
  Stolen s(v), t(0);
  t = std::move(s);
  t.add(2);
  Stolen u(std::move(t));
  u.add(3);
  return a.get() + b.get() + s.get() + u.get();
}

// Each of these can make the member point at memory someone else owns.
long g_cells[4];
class Defaulted {
  long *d;
public:
  Defaulted() : d(new long[4]) {}
  Defaulted(const Defaulted &) = default; // copies the pointer
  void set(long v) { d[0] = v; } // expected-note {{'Defaulted::set' is not pure because it writes through pointer member 'd' that may point to memory it does not own}}
};
[[pure]] long defaulted(long v) { Defaulted a; a.set(v); return 0; } // expected-error {{pure function 'defaulted' calls 'Defaulted::set', which is not pure [purecc-impure-call]}} expected-note {{'defaulted' declared pure here}}
class Assigned {
  long *d;
public:
  Assigned() : d(new long[4]) {}
  Assigned(const Assigned &o) : d(new long[4]) { d[0] = o.d[0]; }
  void set(long v) { d[0] = v; } // expected-note {{'Assigned::set' is not pure because it writes through pointer member 'd' that may point to memory it does not own}}
};
// The implicit copy assignment, declared once the program assigns: shares.
[[pure]] long assigned(long v) { Assigned a, b; b = a; b.set(v); return 0; } // expected-error {{pure function 'assigned' calls 'Assigned::set', which is not pure [purecc-impure-call]}} expected-note {{'assigned' declared pure here}}
class Repointed {
  long *d;
public:
  Repointed() : d(new long[4]) {}
  Repointed(const Repointed &) = delete;
  void use_global() { d = &g_cells[0]; }
  void set(long v) { d[0] = v; } // expected-note {{'Repointed::set' is not pure because it writes through pointer member 'd' that may point to memory it does not own}}
};
[[pure]] long repointed(long v) { Repointed a; a.set(v); return 0; } // expected-error {{pure function 'repointed' calls 'Repointed::set', which is not pure [purecc-impure-call]}} expected-note {{'repointed' declared pure here}}
class Shared {
  long *d;
public:
  Shared() : d(new long[4]) {}
  Shared(Shared &&o) noexcept : d(o.d) {} // the source keeps it too
  void set(long v) { d[0] = v; } // expected-note {{'Shared::set' is not pure because it writes through pointer member 'd' that may point to memory it does not own}}
};
[[pure]] long shared(long v) { Shared a; a.set(v); return 0; } // expected-error {{pure function 'shared' calls 'Shared::set', which is not pure [purecc-impure-call]}} expected-note {{'shared' declared pure here}}
class MaybeNulled {
  long *d;
public:
  MaybeNulled() : d(new long[4]) {}
  MaybeNulled(MaybeNulled &&o, bool c) noexcept : d(o.d) { if (c) o.d = nullptr; }
  void set(long v) { d[0] = v; } // expected-note {{'MaybeNulled::set' is not pure because it writes through pointer member 'd' that may point to memory it does not own}}
};
[[pure]] long maybe_nulled(long v) { MaybeNulled a; a.set(v); return 0; } // expected-error {{pure function 'maybe_nulled' calls 'MaybeNulled::set', which is not pure [purecc-impure-call]}} expected-note {{'maybe_nulled' declared pure here}}
class Twice {
  long *d;
public:
  Twice() : d(new long[4]) {}
  Twice(const Twice &) = delete;
  void share_with(Twice &o) { long *p = new long[4]; d = p; o.d = p; }
  void set(long v) { d[0] = v; } // expected-note {{'Twice::set' is not pure because it writes through pointer member 'd' that may point to memory it does not own}}
};
[[pure]] long twice(long v) { Twice a; a.set(v); return 0; } // expected-error {{pure function 'twice' calls 'Twice::set', which is not pure [purecc-impure-call]}} expected-note {{'twice' declared pure here}}
class Befriended {
  long *d;
  friend void aim(Befriended &b);
public:
  Befriended() : d(new long[4]) {}
  Befriended(const Befriended &) = delete;
  void set(long v) { d[0] = v; } // expected-note {{'Befriended::set' is not pure because it writes through pointer member 'd' that may point to memory it does not own}}
};
void aim(Befriended &b) { b.d = g_cells; }
[[pure]] long befriended(long v) { Befriended a; a.set(v); return 0; } // expected-error {{pure function 'befriended' calls 'Befriended::set', which is not pure [purecc-impure-call]}} expected-note {{'befriended' declared pure here}}
class Elsewhere {
  long *d;
public:
  Elsewhere() : d(new long[4]) {}
  Elsewhere(const Elsewhere &) = delete;
  void reset(); // defined in another file: may store anything
  void set(long v) { d[0] = v; } // expected-note {{'Elsewhere::set' is not pure because it writes through pointer member 'd' that may point to memory it does not own}}
};
[[pure]] long elsewhere(long v) { Elsewhere a; a.set(v); return 0; } // expected-error {{pure function 'elsewhere' calls 'Elsewhere::set', which is not pure [purecc-impure-call]}} expected-note {{'elsewhere' declared pure here}}
class Addressed {
  long *d;
public:
  Addressed() : d(new long[4]) {}
  Addressed(const Addressed &) = delete;
  long **slot() { return &d; }
  void set(long v) { d[0] = v; } // expected-note {{'Addressed::set' is not pure because it writes through pointer member 'd' that may point to memory it does not own}}
};
[[pure]] long addressed(long v) { Addressed a; a.set(v); return 0; } // expected-error {{pure function 'addressed' calls 'Addressed::set', which is not pure [purecc-impure-call]}} expected-note {{'addressed' declared pure here}}
class MemberPointer {
  long *d;
public:
  MemberPointer() : d(new long[4]) {}
  MemberPointer(const MemberPointer &) = delete;
  static long *MemberPointer::*which() { return &MemberPointer::d; }
  void set(long v) { d[0] = v; } // expected-note {{'MemberPointer::set' is not pure because it writes through pointer member 'd' that may point to memory it does not own}}
};
[[pure]] long member_pointer(long v) { MemberPointer a; a.set(v); return 0; } // expected-error {{pure function 'member_pointer' calls 'MemberPointer::set', which is not pure [purecc-impure-call]}} expected-note {{'member_pointer' declared pure here}}
// Public: any file can point it anywhere.
struct Open {
  long *d;
  Open() : d(new long[4]) {}
  Open(const Open &) = delete;
  void set(long v) { d[0] = v; } // expected-note {{'Open::set' is not pure because it writes through pointer member 'd' that may point to memory it does not own}}
};
[[pure]] long open_member(long v) { Open a; a.set(v); return 0; } // expected-error {{pure function 'open_member' calls 'Open::set', which is not pure [purecc-impure-call]}} expected-note {{'open_member' declared pure here}}

// A class template: its pattern is judged, every member whether used or not.
template <class T> class Vec {
  T *data_;
  long n_;
public:
  explicit Vec(long n) : data_(new T[n]()), n_(n) {}
  Vec(const Vec &o) : data_(new T[o.n_]), n_(o.n_) { std::copy(o.data_, o.data_ + n_, data_); }
  Vec(Vec &&o) noexcept : data_(std::exchange(o.data_, nullptr)), n_(o.n_) {}
  Vec &operator=(Vec o) noexcept { std::swap(data_, o.data_); std::swap(n_, o.n_); return *this; }
  ~Vec() { delete[] data_; }
  T &operator[](long i) { return data_[i]; }
  const T &operator[](long i) const { return data_[i]; }
  T *begin() { return data_; }
  T *end() { return data_ + n_; }
  long size() const { return n_; }
};
[[pure]] double vec_norm(long n) {
  Vec<double> v(n);
  for (long i = 0; i < n; ++i) v[i] = double(i);
  Vec<double> w = v;
  std::sort(w.begin(), w.end());
  double s = 0;
  for (double x : w) s += x * x;
  return s;
}
template <class T> class Leaky {
  T *data_;
public:
  explicit Leaky(long n) : data_(new T[n]()) {}
  Leaky(const Leaky &) = delete;
  void adopt(T *p) { data_ = p; } // never called: still in the pattern
  T &operator[](long i) { return data_[i]; }
};
[[pure]] long leaky(long n) { Leaky<long> v(n); v[0] = 1; return v[0]; } // expected-error {{pure function 'leaky' writes through pointer member 'data_' that may point to memory it does not own [purecc-nonlocal-write]}} expected-note {{'leaky' declared pure here}}
// Trivially copyable: a byte copy shares the block.
class Bytes {
  long *d;
public:
  Bytes() : d(new long[4]) {}
  void set(long v) { d[0] = v; } // expected-note {{'Bytes::set' is not pure because it writes through pointer member 'd' that may point to memory it does not own}}
};
[[pure]] long bytes(long v) { Bytes a; a.set(v); return 0; } // expected-error {{pure function 'bytes' calls 'Bytes::set', which is not pure [purecc-impure-call]}} expected-note {{'bytes' declared pure here}}
// A lambda in a member repoints it.
class Lambda {
  long *d;
public:
  Lambda() : d(new long[4]) {}
  Lambda(const Lambda &) = delete;
  void later() { auto f = [this] { d = g_cells; }; f(); }
  void set(long v) { d[0] = v; } // expected-note {{'Lambda::set' is not pure because it writes through pointer member 'd' that may point to memory it does not own}}
};
[[pure]] long lambda(long v) { Lambda a; a.set(v); return 0; } // expected-error {{pure function 'lambda' calls 'Lambda::set', which is not pure [purecc-impure-call]}} expected-note {{'lambda' declared pure here}}
// A nested class shares the access.
class Outer {
  long *d;
public:
  struct Aimer { static void aim(Outer &o) { o.d = g_cells; } };
  Outer() : d(new long[4]) {}
  Outer(const Outer &) = delete;
  void set(long v) { d[0] = v; } // expected-note {{'Outer::set' is not pure because it writes through pointer member 'd' that may point to memory it does not own}}
};
[[pure]] long outer(long v) { Outer a; a.set(v); return 0; } // expected-error {{pure function 'outer' calls 'Outer::set', which is not pure [purecc-impure-call]}} expected-note {{'outer' declared pure here}}
// Bound to a reference member: repointed through it.
class Aliased {
  long *d;
  long *&alias;
public:
  Aliased() : d(new long[4]), alias(d) {}
  Aliased(const Aliased &) = delete;
  void set(long v) { d[0] = v; } // expected-note {{'Aliased::set' is not pure because it writes through pointer member 'd' that may point to memory it does not own}}
};
[[pure]] long aliased(long v) { Aliased a; a.set(v); return 0; } // expected-error {{pure function 'aliased' calls 'Aliased::set', which is not pure [purecc-impure-call]}} expected-note {{'aliased' declared pure here}}
// The pimpl idiom.
class Widget {
  struct Impl { long v[4]; };
  Impl *impl;
public:
  Widget() : impl(new Impl{}) {}
  Widget(const Widget &o) : impl(new Impl(*o.impl)) {}
  Widget &operator=(const Widget &) = delete;
  ~Widget() { delete impl; }
  void set(long i, long v) { impl->v[i] = v; }
  long get(long i) const { return impl->v[i]; }
};
[[pure]] long widget(long v) { Widget w; w.set(1, v); Widget c = w; c.set(1, v + 1); return w.get(1) * 10 + c.get(1); }
// A member the program specializes for one instantiation is judged for it
// (adv91 F1: this one stored the caller's pointer and passed).
template <class T> class Slab {
  T *d;
public:
  Slab() : d(new T[8]()) {}
  Slab(const Slab &) = delete;
  Slab &operator=(const Slab &) = delete;
  ~Slab() { delete[] d; }
  void adopt(T *p) { (void)p; d = new T[8](); }
  void set(long i, T v) { d[i] = v; } // expected-note {{'Slab<long>::set' is not pure because it writes through pointer member 'd' that may point to memory it does not own}}
};
template <> void Slab<long>::adopt(long *p) { d = p; }
[[pure]] long slab_long(long v) { Slab<long> a; a.set(0, v); return 0; } // expected-error {{pure function 'slab_long' calls 'Slab<long>::set', which is not pure [purecc-impure-call]}} expected-note {{'slab_long' declared pure here}}
[[pure]] double slab_double(double v) { Slab<double> a; a.set(0, v); return 0; }
// One fresh block stored in a loop: into many objects (adv91 F7).
class Looped {
  long *d;
public:
  Looped() : d(new long[4]) {}
  Looped(const Looped &) = delete;
  Looped &operator=(const Looped &) = delete;
  static void share(Looped *a, int n) { long *p = new long[4]; for (int i = 0; i < n; ++i) a[i].d = p; }
  void set(long v) { d[0] = v; } // expected-note {{'Looped::set' is not pure because it writes through pointer member 'd' that may point to memory it does not own}}
};
[[pure]] long looped(long v) { Looped a; a.set(v); return 0; } // expected-error {{pure function 'looped' calls 'Looped::set', which is not pure [purecc-impure-call]}} expected-note {{'looped' declared pure here}}
// Raw memory from `::operator new` is a block of its own too (adv91 F9).
class Raw {
  long *d;
public:
  Raw() : d(static_cast<long *>(::operator new(4 * sizeof(long)))) {}
  Raw(const Raw &) = delete;
  Raw &operator=(const Raw &) = delete;
  ~Raw() { ::operator delete(d); }
  void set(long v) { d[0] = v; }
  long get() const { return d[0]; }
};
[[pure]] long raw(long v) { Raw a; a.set(v); return a.get(); }
