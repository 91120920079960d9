// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
//
// R4: a class's own `operator new`/`operator delete` runs user code for every
// `new Node{...}`, `delete p`, `std::unique_ptr<Node>` and
// `std::make_unique<Node>`: it is judged like any callee. Getting and
// returning the memory with malloc and free is the allocation itself (Quiet):
// the delete-expression writes what it ends, not the operator it runs.
#include <cstdlib>
#include <memory>
#include <new>
#include <vector>

long g_cls = 0, g_del = 0;
struct Node {
  long v;
  static void *operator new(std::size_t n) { ++g_cls; return std::malloc(n); } // expected-note 3 {{'Node::operator new' is not pure because it writes to global 'g_cls'}}
  static void operator delete(void *p) { std::free(p); }
};
struct Del {
  long v;
  static void *operator new(std::size_t n) { return std::malloc(n); }
  static void operator delete(void *p) { ++g_del; std::free(p); } // expected-note 2 {{'Del::operator delete' is not pure because it writes to global 'g_del'}}
};
struct Quiet {
  long v;
  static void *operator new(std::size_t n) { return std::malloc(n); }
  static void operator delete(void *p) { std::free(p); }
};
[[pure]] long w1(long i) { Node *p = new Node{i}; long v = p->v; delete p; return v; } // expected-error {{pure function 'w1' calls 'Node::operator new', which is not pure [purecc-impure-call]}} expected-note {{'w1' declared pure here}}
[[pure]] long w2(long i) { Del *p = new Del{i}; long v = p->v; delete p; return v; } // expected-error {{pure function 'w2' calls 'Del::operator delete', which is not pure [purecc-impure-call]}} expected-note {{'w2' declared pure here}}
[[pure]] long w3(long i) { std::unique_ptr<Node> p(new Node{i}); return p->v; } // expected-error {{pure function 'w3' calls 'Node::operator new', which is not pure [purecc-impure-call]}} expected-note {{'w3' declared pure here}}
[[pure]] long w4(long i) { std::unique_ptr<Del> p(new Del{i}); return p->v; } // expected-error {{pure function 'w4' calls 'Del::operator delete', which is not pure [purecc-impure-call]}} expected-note {{the destructor of 'std::unique_ptr<Del>' calls 'Del::operator delete' here}} expected-note {{'w4' declared pure here}}
[[pure]] long w5(long i) { auto p = std::make_unique<Node>(i); return p->v; } // expected-error {{pure function 'w5' calls 'Node::operator new', which is not pure [purecc-impure-call]}} expected-note {{'std::make_unique' calls 'Node::operator new' here}} expected-note {{'w5' declared pure here}}
[[pure]] long w6(long i) { auto p = std::make_unique<Quiet>(i); Quiet *q = new Quiet{i}; long v = q->v; delete q; return p->v + v; }
[[pure]] long w7(long i) { long *p = new long(i); long v = *p; delete p; return v; }

// Getting and returning memory with the C functions or `::operator new`
// written out is allocation, as a new-expression is (adv87 FE2, FE4: each
// was an error); the block it ends is written, as by `delete`.
[[pure]] long c_own(long i) {
  long *p = static_cast<long *>(std::malloc(sizeof(long)));
  *p = i;
  long *q = static_cast<long *>(std::calloc(4, sizeof(long)));
  q[1] = *p;
  q = static_cast<long *>(std::realloc(q, 8 * sizeof(long)));
  q[7] = q[1] + 1;
  long r = q[7];
  std::free(p);
  std::free(q);
  return r;
}
[[pure]] long raw_own(long i) {
  long *p = static_cast<long *>(::operator new(sizeof(long)));
  *p = i;
  long r = *p;
  ::operator delete(p);
  return r;
}
[[pure]] long frees_callers(const long *p) { std::free(const_cast<long *>(p)); return 0; } // expected-error {{pure function 'frees_callers' writes to memory it does not own through 'const_cast' [purecc-cast-write]}} expected-note {{'frees_callers' declared pure here}}
[[pure]] long grows_callers(const long *p) { void *q = std::realloc(const_cast<long *>(p), 64); return q != nullptr; } // expected-error {{pure function 'grows_callers' writes to memory it does not own through 'const_cast' [purecc-cast-write]}} expected-note {{'grows_callers' declared pure here}}
[[pure]] long deletes_callers(const long *p) { ::operator delete(const_cast<long *>(p)); return 0; } // expected-error {{pure function 'deletes_callers' writes to memory it does not own through 'const_cast' [purecc-cast-write]}} expected-note {{'deletes_callers' declared pure here}}
long *g_block;
[[pure]] long frees_global() { std::free(g_block); return 0; } // expected-error {{pure function 'frees_global' reads mutable global 'g_block' [purecc-global-read]}} expected-error {{pure function 'frees_global' writes through pointer 'g_block' that may point to memory it does not own [purecc-nonlocal-write]}} expected-note 2 {{'frees_global' declared pure here}}
template <class T> struct RawAlloc {
  using value_type = T;
  RawAlloc() = default;
  template <class U> RawAlloc(const RawAlloc<U> &) {}
  T *allocate(std::size_t n) { return static_cast<T *>(::operator new(n * sizeof(T))); }
  void deallocate(T *p, std::size_t) { ::operator delete(p); }
  bool operator==(const RawAlloc &) const { return true; }
};
[[pure]] long allocator_own(long x) { std::vector<long, RawAlloc<long>> v; v.push_back(x); return v[0]; }
// A class's own placement `operator new` constructs where it says: in the
// memory of what it is given (adv92 F3: one returning the caller's object
// was taken for fresh memory).
struct Arena {
  alignas(16) unsigned char buf[256];
  std::size_t used = 0;
};
struct PNode {
  long v;
  static void *operator new(std::size_t n, Arena &a) { void *p = a.buf + a.used; a.used += n; return p; }
  static void *operator new(std::size_t, const std::vector<PNode *> &in) { return in[0]; }
  static void operator delete(void *, Arena &) {}
  static void operator delete(void *, const std::vector<PNode *> &) {}
};
[[pure]] long over_callers(const std::vector<PNode *> &in, long k) { long old = in[0]->v; new (in) PNode{k}; return old * k; } // expected-error {{pure function 'over_callers' writes to memory it does not own through placement new [purecc-cast-write]}} expected-note {{'over_callers' declared pure here}}
[[pure]] long in_own_arena(long k) { Arena a; PNode *p = new (a) PNode{k}; p->v += 1; return p->v; }
