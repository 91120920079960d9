// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
//
// Ending an object's life writes it (adv87 F05: `delete n` of a `const
// Node *` parameter passed, and a parallel reader read freed memory):
// `delete`, an explicit destructor call, and a smart pointer made to own a
// raw pointer (it deletes it). What the function made itself is its own.
// And a pointer made from bits with std::bit_cast points anywhere (F11).
#include <bit>
#include <cstdint>
#include <memory>
#include <new>
#include <string>
#include <vector>

struct Node { long v; };
[[pure]] long consume(const Node *n) { long v = n->v; delete n; return v; } // expected-error {{pure function 'consume' writes through parameter 'n' [purecc-param-write]}} expected-note {{'consume' declared pure here}}
[[pure]] long adopt(const Node *n) { std::unique_ptr<const Node> up(n); return up->v; } // expected-error {{pure function 'adopt' writes through parameter 'n' [purecc-param-write]}} expected-note {{'adopt' declared pure here}}
[[pure]] long share(const Node *n) { std::shared_ptr<const Node> sp(n); return sp->v; } // expected-error {{pure function 'share' writes through parameter 'n' [purecc-param-write]}} expected-note {{'share' declared pure here}}
[[pure]] long reset_to(const Node *n) { std::unique_ptr<const Node> up; up.reset(n); return up->v; } // expected-error {{pure function 'reset_to' writes through parameter 'n' [purecc-param-write]}} expected-note {{'reset_to' declared pure here}}
[[pure]] long kill(const std::string &s) { long n = long(s.size()); s.~basic_string(); return n; } // expected-error {{pure function 'kill' writes through parameter 's' [purecc-param-write]}} expected-note {{'kill' declared pure here}}
[[pure]] long drop_all(const std::vector<const Node *> &v) { for (const Node *p : v) delete p; return 0; } // expected-error {{pure function 'drop_all' writes through a pointer that may point to memory it does not own [purecc-nonlocal-write]}} expected-note {{'drop_all' declared pure here}}
struct Job {
  long v;
  [[pure]] long finish() const { long r = v; delete this; return r; } // expected-error {{pure function 'Job::finish' modifies its object [purecc-this-write]}} expected-note {{'Job::finish' declared pure here}}
};

// Its own: made here, ended here.
[[pure]] long own(long x) {
  Node *n = new Node{x};
  long v = n->v;
  delete n;
  std::unique_ptr<Node> up(new Node{x + 1});
  up.reset(new Node{x + 2});
  up.reset();
  std::shared_ptr<const Node> sp(new Node{x});
  alignas(std::string) unsigned char buf[sizeof(std::string)];
  auto *s = new (buf) std::string(3, 'a');
  v += long(s->size());
  s->~basic_string();
  return v + sp->v;
}

[[pure]] long put(std::uintptr_t where, long v) { *std::bit_cast<long *>(where) = v; return v; } // expected-error {{pure function 'put' writes to memory it does not own through 'std::bit_cast' [purecc-cast-write]}} expected-note {{'put' declared pure here}}
[[pure]] double bits(std::uint64_t u) { return std::bit_cast<double>(u); }

// shared_ptr's reset is its base's (adv88 F2). A destructor or a member
// that changes its object frees what the object owns: everyday RAII (adv88
// F7: a false error).
[[pure]] long reset_shared(const Node *n) { std::shared_ptr<const Node> sp; sp.reset(n); return sp->v; } // expected-error {{pure function 'reset_shared' writes through parameter 'n' [purecc-param-write]}} expected-note {{'reset_shared' declared pure here}}
struct Own {
  long *p;
  explicit Own(long v) : p(new long(v)) {}
  Own(const Own &) = delete;
  Own &operator=(Own &&o) noexcept { delete p; p = o.p; o.p = nullptr; return *this; }
  ~Own() { delete p; }
};
struct Chain {
  struct Link { long v; Link *next; };
  Link *head = nullptr;
  void push(long v) { head = new Link{v, head}; }
  ~Chain() { while (head) { Link *n = head->next; delete head; head = n; } }
};
[[pure]] long raii(long n) {
  Own a(n), b(n + 1);
  a = Own(n + 2);
  Chain c;
  c.push(n);
  c.push(n + 1);
  return *a.p + *b.p + c.head->v;
}
