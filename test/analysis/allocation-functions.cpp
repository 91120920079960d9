// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
//
// R4: a class's own `operator new`/`operator delete` runs user code for every
// `new Node{...}`, `delete p`, `std::unique_ptr<Node>` and
// `std::make_unique<Node>`: it is judged like any callee. Getting and
// returning the memory with malloc and free is the allocation itself (Quiet).
#include <cstdlib>
#include <memory>

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
