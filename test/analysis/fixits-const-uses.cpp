// The 'const' fix-its of purecc-param-indirection and purecc-nonconst-member
// are offered only when the body still compiles with the 'const' added
// (analysis/ConstFixIt.h): every use of the parameter or of 'this' must be
// one a const object accepts. Applied with --fix, the file must build with
// g++ and clang++ (adv75 F1 F2, from TheAlgorithms/C-Plus-Plus: a copy into
// 'Node *', a static_cast to 'uint8_t *').
// RUN: not %purecc check %s -- -std=c++20 -ferror-limit=0 -fdiagnostics-parseable-fixits 2>&1 | FileCheck %s --implicit-check-not=fix-it:
// RUN: cp %s %t.cpp && not %purecc check --fix %t.cpp -- -std=c++20 -ferror-limit=0
// RUN: %cxx -fsyntax-only -Wall -Wextra %t.cpp && %clangxx -fsyntax-only -Wno-unknown-attributes %t.cpp
// The fixed file has only the errors that got no fix-it.
// RUN: not %purecc check %t.cpp -- -std=c++20 -ferror-limit=0 2>&1 | FileCheck %s --check-prefix=LEFT
// LEFT: 1 file, 13 pure functions verified, 20 violations
#include <cstdint>
#include <numeric>
#include <string>
#include <type_traits>
#include <vector>

struct Node {
  int data;
  Node *next;
  int value() const { return data; }
  int &slot() { return data; }
};

// Fix-its: only reads.
[[pure]] int walk(Node *list, int key) {
  int n = 0;
  for (; list; list = list->next)
    n += list->data == key;
  return n;
}
// CHECK: [[@LINE-6]]:25: error: pure function 'walk' takes parameter 'list' by pointer to non-const
// CHECK: fix-it:"{{.*}}":{[[@LINE-7]]:19-[[@LINE-7]]:19}:"const "
[[pure]] long total(std::vector<long> &v) {
  long s = std::accumulate(v.begin(), v.end(), 0L);
  for (auto &x : v)
    s += x;
  for (std::size_t i = 0; i < v.size(); ++i)
    s += v[i] + v.front();
  return s;
}
// CHECK: [[@LINE-8]]:40: error: pure function 'total' takes parameter 'v' by non-const reference
// CHECK: fix-it:"{{.*}}":{[[@LINE-9]]:21-[[@LINE-9]]:21}:"const "
[[pure]] int peek(const Node &n) { return n.value(); }
[[pure]] int via(Node &n, std::string &s) { return peek(n) + n.value() + int(s.size()) + s[0]; }
// CHECK: [[@LINE-1]]:24: error: pure function 'via' takes parameter 'n' by non-const reference
// CHECK: fix-it:"{{.*}}":{[[@LINE-2]]:18-[[@LINE-2]]:18}:"const "
// CHECK: [[@LINE-3]]:40: error: pure function 'via' takes parameter 's' by non-const reference
// CHECK: fix-it:"{{.*}}":{[[@LINE-4]]:27-[[@LINE-4]]:27}:"const "
[[pure]] int hex(unsigned char *sig) {
  const auto *bytes = static_cast<const std::uint8_t *>(sig);
  return bytes[0] + (sig != nullptr) + *(sig + 1);
}
// CHECK: [[@LINE-4]]:33: error: pure function 'hex' takes parameter 'sig' by pointer to non-const
// CHECK: fix-it:"{{.*}}":{[[@LINE-5]]:18-[[@LINE-5]]:18}:"const "

// No fix-it: the body hands the object on as non-const.
[[pure]] std::string sig2hex(void *sig) {
  auto *bytes = static_cast<std::uint8_t *>(sig);
  return std::string(1, char('a' + bytes[0] % 16));
}
// CHECK: [[@LINE-4]]:36: error: pure function 'sig2hex' takes parameter 'sig' by pointer to non-const
[[pure]] bool contains(Node *list, int key) {
  Node *p = list;
  for (; p; p = p->next)
    if (p->data == key)
      return true;
  return false;
}
// CHECK: [[@LINE-7]]:30: error: pure function 'contains' takes parameter 'list' by pointer to non-const
[[pure]] int through(Node &n) { return n.slot(); }
// CHECK: [[@LINE-1]]:28: error: pure function 'through' takes parameter 'n' by non-const reference
int reads(Node &n) { return n.data; }
[[pure]] int handed(Node &n) { return reads(n); }
// CHECK: [[@LINE-1]]:27: error: pure function 'handed' takes parameter 'n' by non-const reference
[[pure]] long named(std::vector<long> &v) {
  long s = 0;
  for (long &x : v)
    s += x;
  return s;
}
// CHECK: [[@LINE-6]]:40: error: pure function 'named' takes parameter 'v' by non-const reference

// No fix-it where adding 'const' changes more than the body (adv77): a
// function declared before its definition (the fix would declare another
// one), a user's const overload (the fix would call it instead), a
// pointer to pointer (callers' 'char **' would not convert), a function
// whose address is taken, a user's range without a const 'begin', an
// element copied by a constructor taking 'A &'.
[[pure]] int declared(Node *n);
int declared(Node *n) { return n->data; }
// CHECK: [[@LINE-1]]:20: error: pure function 'declared' takes parameter 'n' by pointer to non-const
struct Kind {
  int kind() { return 1; }
  int kind() const { return 2; }
};
[[pure]] int pick(Kind &k) { return k.kind(); }
// CHECK: [[@LINE-1]]:25: error: pure function 'pick' takes parameter 'k' by non-const reference
[[pure]] int dashes(int argc, char **argv) { return argc > 1 && argv[1][0] == '-'; }
// CHECK: [[@LINE-1]]:38: error: pure function 'dashes' takes parameter 'argv' by pointer to non-const
[[pure]] int pointed(Node *n) { return n->data; }
// CHECK: [[@LINE-1]]:28: error: pure function 'pointed' takes parameter 'n' by pointer to non-const
int (*pointer_to_pointed)(Node *) = &pointed;
struct Ring {
  int d[3]{1, 2, 3};
  int *begin() { return d; }
  int *end() { return d + 3; }
};
[[pure]] int ring(Ring &r) {
  int s = 0;
  for (int x : r)
    s += x;
  return s;
}
// CHECK: [[@LINE-6]]:25: error: pure function 'ring' takes parameter 'r' by non-const reference
struct Grabby {
  int x;
  Grabby(int v) : x(v) {}
  Grabby(Grabby &o) : x(o.x) {}
};
[[pure]] int grab(Grabby (&g)[2]) {
  int s = 0;
  for (auto b : g)
    s += b.x;
  return s;
}
// CHECK: [[@LINE-6]]:28: error: pure function 'grab' takes parameter 'g' by non-const reference

struct Base {
  virtual ~Base() = default;
  virtual int get() { return 10; }
};
struct Derived : Base {
  int v = 1;
  [[pure]] int get() override { return v; }
  // CHECK: [[@LINE-1]]:16: error: pure member function 'Derived::get' must be 'const' or 'static'
  [[pure]] int later();
};
int Derived::later() { return v; }
// CHECK: [[@LINE-1]]:14: error: pure member function 'Derived::later' must be 'const' or 'static'

struct Meter {
  int base = 1;
  int &slot() { return base; }
  int peek() const { return base; }
  [[pure]] int reading(int x) { return base + x + peek(); }
  // CHECK: [[@LINE-1]]:16: error: pure member function 'Meter::reading' must be 'const' or 'static'
  // CHECK: fix-it:"{{.*}}":{[[@LINE-2]]:30-[[@LINE-2]]:30}:" const"
  [[pure]] int through() { return slot(); }
  // CHECK: [[@LINE-1]]:16: error: pure member function 'Meter::through' must be 'const' or 'static'
};

// A lambda's parameter, read only, gets its fix-it like a function's (adv78
// N1); one whose lambda converts to a function pointer of the old type
// does not (the pointer would no longer take it).
auto first_of = [] [[pure]] (std::vector<long> &w) { return w[0]; };
// CHECK: [[@LINE-1]]:49: error: pure function 'lambda at line [[@LINE-1]]' takes parameter 'w' by non-const reference
// CHECK: fix-it:"{{.*}}":{[[@LINE-2]]:30-[[@LINE-2]]:30}:"const "
auto bumped = [] [[pure]] (int &x) { return x + 1; };
// CHECK: [[@LINE-1]]:33: error: pure function 'lambda at line [[@LINE-1]]' takes parameter 'x' by non-const reference
int (*bump_pointer)(int &) = bumped;

// A local whose type is deduced from the parameter ('auto &', 'auto *')
// turns const with it: the fix-it is offered when every use of the local
// reads (adv77 F9); a local with its type written, or one used to call a
// non-const member, keeps it from compiling: none.
[[pure]] int aliasRef(Node &n, bool c) {
  auto &q = n;
  int d = c ? n.data : q.data;
  return q.value() + d;
}
// CHECK: [[@LINE-5]]:29: error: pure function 'aliasRef' takes parameter 'n' by non-const reference
// CHECK: fix-it:"{{.*}}":{[[@LINE-6]]:23-[[@LINE-6]]:23}:"const "
[[pure]] int aliasPtr(Node *n) {
  auto *q = n;
  auto r = q;
  for (; r; r = r->next)
    ;
  return q->data + (r == nullptr);
}
// CHECK: [[@LINE-7]]:29: error: pure function 'aliasPtr' takes parameter 'n' by pointer to non-const
// CHECK: fix-it:"{{.*}}":{[[@LINE-8]]:23-[[@LINE-8]]:23}:"const "
[[pure]] int aliasSpelled(Node &n) {
  Node &q = n;
  return q.data;
}
// CHECK: [[@LINE-4]]:33: error: pure function 'aliasSpelled' takes parameter 'n' by non-const reference
[[pure]] int aliasHanded(Node &n) {
  auto &q = n;
  return q.slot();
}
// CHECK: [[@LINE-4]]:32: error: pure function 'aliasHanded' takes parameter 'n' by non-const reference
struct Mirror {
  int level = 3;
  [[pure]] int mirrored() {
    auto &self = *this;
    return self.level + level;
  }
  // CHECK: [[@LINE-4]]:16: error: pure member function 'Mirror::mirrored' must be 'const' or 'static'
  // CHECK: fix-it:"{{.*}}":{[[@LINE-5]]:26-[[@LINE-5]]:26}:" const"
};

// No fix-it where the fixed signature is one the program already has
// (adv83 F6: a redefinition), nor for a template's dependent parameter,
// whose const form would deduce another type (adv83 F7).
[[pure]] int ov(Node &n) { return n.data; }
// CHECK: [[@LINE-1]]:23: error: pure function 'ov' takes parameter 'n' by non-const reference
[[pure]] int ov(const Node &n) { return n.data + 1; }
struct Twice {
  int v = 1;
  [[pure]] int get() { return v; }
  // CHECK: [[@LINE-1]]:16: error: pure member function 'Twice::get' must be 'const' or 'static'
  [[pure]] int get() const { return v + 1; }
};
template <class T> [[pure]] int kind(T &t) { return std::is_const_v<T> ? 20 + t.data : 10 + t.data; }
// CHECK: [[@LINE-1]]:41: error: pure function 'kind<Node>' takes parameter 't' by non-const reference

int main() {
  Node b{2, nullptr}, a{1, &b};
  std::vector<long> v{1, 2, 3};
  std::string s = "x";
  unsigned char sig[2] = {1, 2};
  Meter m;
  Kind k;
  Ring r;
  Grabby g[2]{1, 2};
  Derived d;
  char arg[] = "-x";
  char *args[] = {arg, arg};
  int one = 1;
  Mirror mi;
  Twice tw;
  const Node cn{3, nullptr};
  return ov(a) + tw.get() + kind(a) + kind(cn) + aliasRef(a, true) + aliasPtr(&a) + aliasSpelled(a) + aliasHanded(a) + mi.mirrored() +
         walk(&a, 2) + int(total(v)) + via(a, s) + hex(sig) + int(sig2hex(sig).size()) +
         contains(&a, 2) + through(a) + handed(a) + int(named(v)) + m.reading(1) + m.through() +
         declared(&a) + pick(k) + dashes(2, args) + pointed(&a) + ring(r) + grab(g) + d.get() +
         d.later() + int(first_of(v)) + bump_pointer(one);
}
