// Classes that own a block through a private raw pointer (a buffer with
// the rule of three, a class template moved by std::exchange, a pimpl) used
// inside pure work that runs in parallel: each call builds, copies, moves
// and writes objects of its own, and the parallel program prints what the
// serial one does (OwningPointers.h). A loop that writes the caller's object
// through such a class stays serial.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not="remark: loop"
// RUN: %e2e %s %t | FileCheck %s
#include <algorithm>
#include <cstdio>
#include <utility>

class Buffer {
  long *d;
  unsigned n; // a count known to be small: new[] cannot throw at once
public:
  explicit Buffer(unsigned k) : d(new long[k]), n(k) { for (unsigned i = 0; i < k; ++i) d[i] = i; }
  Buffer(const Buffer &o) : d(new long[o.n]), n(o.n) { std::copy(o.d, o.d + n, d); }
  Buffer &operator=(const Buffer &o) {
    if (this != &o) { long *fresh = new long[o.n]; std::copy(o.d, o.d + o.n, fresh); delete[] d; d = fresh; n = o.n; }
    return *this;
  }
  ~Buffer() { delete[] d; }
  void set(long i, long v) { d[i] = v; }
  long get(long i) const { return d[i]; }
  long size() const { return long(n); }
};

template <class T> class Vec {
  T *data_;
  unsigned n_;
public:
  explicit Vec(unsigned n) : data_(new T[n]()), n_(n) {}
  Vec(const Vec &o) : data_(new T[o.n_]), n_(o.n_) { std::copy(o.data_, o.data_ + n_, data_); }
  Vec(Vec &&o) noexcept : data_(std::exchange(o.data_, nullptr)), n_(std::exchange(o.n_, 0)) {}
  Vec &operator=(Vec o) noexcept { std::swap(data_, o.data_); std::swap(n_, o.n_); return *this; }
  ~Vec() { delete[] data_; }
  T &operator[](long i) { return data_[i]; }
  T *begin() { return data_; }
  T *end() { return data_ + n_; }
  long size() const { return long(n_); }
};

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

[[pure]] long work(long k) {
  Buffer a(unsigned(k % 50 + 1)), b(1);
  // REMARK: :[[#@LINE+1]]:3: remark: loop not parallelized: 'Buffer::set' is not known to be pure [purecc-missed-map]
  for (long i = 0; i < a.size(); ++i)
    a.set(i, (i * k) % 97);
  b = a;
  b.set(0, k);
  Vec<long> v(unsigned(a.size()));
  // REMARK: :[[#@LINE+1]]:3: remark: loop not parallelized: the bound 'v' changes inside the loop body [purecc-missed-map]
  for (long i = 0; i < v.size(); ++i)
    v[i] = a.get(i) - b.get(i) + (i ^ k) % 13;
  Vec<long> w = std::move(v);
  std::sort(w.begin(), w.end());
  Widget x;
  x.set(2, w[0]);
  Widget y = x;
  y.set(2, w[w.size() - 1]);
  return x.get(2) * 1000 + y.get(2) + v.size();
}

// The caller's buffer written through the class: a write outside the call.
void fill(Buffer &out, long n) {
  // REMARK: :[[#@LINE+1]]:3: remark: loop not parallelized: 'Buffer::set' is not known to be pure [purecc-missed-map]
  for (long i = 0; i < n; ++i)
    out.set(i, work(i));
}

int main() {
  long total = 0;
  // REMARK: :[[#@LINE+1]]:3: remark: loop rewritten as a parallel reduction of 'total' [purecc-reduction]
  for (long k = 0; k < 400; ++k)
    total += work(k);
  Buffer out(8);
  fill(out, out.size());
  std::printf("%ld %ld %ld\n", total, out.get(3), out.get(7));
  return 0;
}
// CHECK: -77411910 2 6
