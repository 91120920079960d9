// The rewritten file includes the runtime, and with it standard headers the
// program does not: an unqualified call with arguments of the library's
// types would also look in namespace std and could find a better match
// there (adv90 F1: `apply(v, v)` became std::apply, and the rewritten file
// did not compile). While the runtime is included, each such call names its
// callee's namespace, in the text as written and in copies of it
// (LookupShield.h).
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s
// RUN: %purecc rewrite --dump-after=plan %s -o /dev/null -- -std=c++20 | FileCheck %s --check-prefix=PLAN
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT
#include <array>
#include <cstdio>
#include <string>
#include <vector>

[[pure]] int f(int x) { return x + 1; }
// std::apply(F &&, Tuple &&) and std::visit(V &&, Variants &&...) take
// these by forwarding reference: better matches for a non-const argument.
void apply(std::vector<int> &v, const std::vector<int> &w) { std::printf("%d\n", v[0] + w[0]); }
[[pure]] long visit(const std::string &s, int i) {
  long h = i;
  for (char c : s)
    h = h * 31 + c;
  return h % 1000;
}
namespace geo {
[[pure]] double distance(const std::array<double, 2> &a, const std::array<double, 2> &b) {
  return (a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]);
}
} // namespace geo
using namespace geo;
struct Box {
  std::vector<int> v;
  friend int peek(const Box &b, std::string &) { return b.v[0]; } // found only through Box
};
// A template's text is qualified when every instantiation calls the same
// function (adv91 F3).
// CHECK: {{^}}template <class T> void run(T &v) { ::apply(v, v); }{{$}}
template <class T> void run(T &v) { apply(v, v); }

int main() {
  std::vector<int> v(5000);
  for (int i = 0; i < 5000; ++i)
    v[i] = f(i);
  // CHECK: {{^}}  ::apply(v, v);{{$}}
  apply(v, v);
  std::string word = "purecc";
  long total = 0;
  // Copied into the parallel reduction's body, qualified there too.
  // CHECK: total = {{.*}}::visit(word, i)
  for (int i = 0; i < 3000; ++i)
    total += visit(word, i);
  std::array<double, 2> a{1, 2}, b{4, 6};
  // CHECK: {{^}}  double d = ::geo::distance(a, b);{{$}}
  double d = distance(a, b);
  Box box{{7}};
  // A hidden friend has no qualified name.
  // CHECK: {{^}}  int k = peek(box, word);{{$}}
  int k = peek(box, word);
  // `(f)(x)` looks nowhere else.
  // CHECK: {{^}}  (apply)(v, v);{{$}}
  (apply)(v, v);
  double e = distance(b, a);
  run(v);
  // A function declared in a block: the call looks nowhere else, and no
  // qualified name would find it (adv91 F4).
  int tally(std::vector<int> &, const std::vector<int> &);
  // CHECK: {{^}}  int t = tally(v, v);{{$}}
  int t = tally(v, v);
  std::printf("%ld %g %g %d %d\n", total, d, e, k, t);
  return 0;
}
int tally(std::vector<int> &v, const std::vector<int> &w) { return v[1] + w[2]; }
// PLAN: qualify-call 39:37 ::apply
// PLAN-NEXT: qualify-call 46:3 ::apply
// PLAN-NEXT: qualify-call 52:14 ::visit
// PLAN-NEXT: qualify-call 55:14 ::geo::distance
// PLAN-NEXT: qualify-call 63:14 ::geo::distance
// PLAN-NEXT: qualify-call 64:3 ::run
// OUT: 2
// OUT-NEXT: 2
// OUT-NEXT: 2
// OUT-NEXT: 1498500 25 25 7 5
