// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
//
// A local container that only ever took blocks of the function's own (a
// new-expression, a local pointer made so) hands out pointers to memory of
// the function's own: a tree built, used and freed inside a pure function
// (adv89 F2: `for (Node *p : v) delete p;` was a false error). Any other use
// of the container and its elements may point anywhere (FreshElements.cpp).
#include <algorithm>
#include <list>
#include <vector>

struct Node { long v; Node *next = nullptr; };
[[pure]] long built_and_freed(long k) {
  std::vector<Node *> v;
  for (long i = 0; i < k; ++i)
    v.push_back(new Node{i});
  Node *extra = new Node{k};
  v.push_back(extra);
  for (long i = 1; i < long(v.size()); ++i)
    v[i - 1]->next = v[i];
  long s = 0;
  for (Node *p : v)
    s += p->v;
  v.front()->v = 0;
  v.back()->v += 1;
  for (Node *p : v)
    delete p;
  v.clear();
  return s;
}
[[pure]] long list_of_own(long k) {
  std::list<long *> l;
  l.push_front(new long(k));
  l.push_back(new long(k + 1));
  long s = 0;
  for (long *p : l) {
    *p += 1;
    s += *p;
  }
  for (long *p : l)
    delete p;
  return s;
}

// A local pointer kept in a vector is still its own (binding it to
// push_back's `Node *const &` repoints nothing).
[[pure]] long kept(long k) {
  Node *e = new Node{k};
  std::vector<Node *> v;
  v.push_back(e);
  e->v += 1;
  long r = v[0]->v;
  delete e;
  return r;
}

// Given the caller's pointers, or used in ways that are not followed.
[[pure]] long adopts(const std::vector<Node *> &in) { // expected-note {{'adopts' declared pure here}}
  std::vector<Node *> v;
  for (Node *p : in)
    v.push_back(p);
  for (Node *p : v)
    delete p; // expected-error {{pure function 'adopts' writes through a pointer that may point to memory it does not own [purecc-nonlocal-write]}}
  return 0;
}
long g_cell;
[[pure]] long global_in(long k) { // expected-note 2 {{'global_in' declared pure here}}
  std::vector<long *> v;
  v.push_back(new long(k));
  v[0] = &g_cell; // an element assigned: may point anywhere // expected-error {{pure function 'global_in' reads mutable global 'g_cell' [purecc-global-read]}}
  for (long *p : v)
    *p = 1; // expected-error {{pure function 'global_in' writes through a pointer that may point to memory it does not own [purecc-nonlocal-write]}}
  return 0;
}
Node g_node;
[[pure]] long by_reference(long k) { // expected-note 2 {{'by_reference' declared pure here}}
  std::vector<Node *> v;
  v.push_back(new Node{k});
  for (Node *&p : v)
    p = &g_node; // expected-error {{pure function 'by_reference' reads mutable global 'g_node' [purecc-global-read]}}
  for (Node *p : v)
    delete p; // expected-error {{pure function 'by_reference' writes through a pointer that may point to memory it does not own [purecc-nonlocal-write]}}
  return 0;
}
[[pure]] long sorted(long k) { // expected-note {{'sorted' declared pure here}}
  std::vector<Node *> v;
  v.push_back(new Node{k});
  std::sort(v.begin(), v.end()); // the container passed on: not followed
  for (Node *p : v)
    delete p; // expected-error {{pure function 'sorted' writes through a pointer that may point to memory it does not own [purecc-nonlocal-write]}}
  return 0;
}
// A reference to an element or a pointer may be const_cast (adv92 F1, F2).
[[pure]] long cast_element(const std::vector<Node *> &in, long k) { // expected-note {{'cast_element' declared pure here}}
  std::vector<Node *> v;
  v.push_back(new Node{0});
  for (Node *const &p : v)
    const_cast<Node *&>(p) = in[0];
  v[0]->v = k; // expected-error {{pure function 'cast_element' writes through a pointer that may point to memory it does not own [purecc-nonlocal-write]}}
  return 0;
}
[[pure]] long cast_local(const std::vector<Node *> &in, long k) { // expected-note {{'cast_local' declared pure here}}
  Node *e = new Node{0};
  Node *const &cr = e;
  const_cast<Node *&>(cr) = in[0];
  e->v = k; // expected-error {{pure function 'cast_local' writes through pointer 'e' that may point to memory it does not own [purecc-nonlocal-write]}}
  return 0;
}
// A mention the program never evaluates adds nothing (adv96).
[[pure]] long unevaluated_add(long k) {
  std::vector<long *> v;
  v.push_back(new long(k));
  (void)sizeof(v.push_back(&g_cell), 0);
  for (long *p : v) {
    *p += 1;
    delete p;
  }
  return k;
}
