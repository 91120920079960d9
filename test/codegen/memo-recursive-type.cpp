// A memoized function of a type that holds itself (a tree whose children
// are a std::vector of its own type): deciding whether the type has a codec
// asked the same question again without end, and purecc stopped with an
// internal error (exit 3), for a generated codec and for the program's own
// `purecc::fields` list alike. Each is judged once now, and memoized.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 %rt_cflags 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=error:
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 -DOWN_CODEC %rt_cflags 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=error:
// RUN: env E2E_CPPFLAGS="%rt_cflags" %e2e %s %t | FileCheck %s --check-prefix=OUT
#include <cstdio>
#include <vector>
#include <purecc/memo.h>

struct Node {
  long v;
  std::vector<Node> kids;
};
#ifdef OWN_CODEC
template <> struct purecc::codec<Node> : purecc::fields<&Node::v, &Node::kids> {};
#endif

// REMARK: memo-recursive-type.cpp:[[@LINE+1]]:32: remark: calls to 'total' are memoized
[[pure]] [[purecc::memo]] long total(const Node &n) {
  long s = n.v;
  for (const Node &k : n.kids)
    s += total(k);
  return s;
}

int main() {
  Node n{1, {Node{2, {Node{4, {}}}}, Node{3, {}}}};
  std::printf("%ld %ld\n", total(n), total(n.kids[0]));
  return 0;
}
// OUT: 10 6
