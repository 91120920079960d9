// Concatenations written as people write them (adv22 F7): onto a member of
// a local object ('acc.s += piece(i)', 'acc.v.push_back(x)', 'o.s = p + o.s'),
// onto an element of a 'std::array', a C array or a 'std::vector' at a
// constant index, with two pieces in one step ('t = t + piece(i) + ","') and
// as a chain of appends ('x.append(a).append(b)'): each is rewritten, the
// pieces kept in the loop's order. What must stay serial gets the true
// reason: the target also read in the body, a reference to it read there,
// an index the body changes, a piece that may throw, a user's 'operator+'.
// RUN: %purecc rewrite %s -o - -- -std=c++20 -I%S/Inputs | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 -I%S/Inputs 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: env E2E_TIMEOUT=120 %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <array>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "show.h" // show: length, FNV-1a hash and start of a string

[[pure]] long heavy(long x) {
  long s = 0;
  for (long k = 0; k < 200; ++k)
    s += (x * k + 3) % 7;
  return s;
}
[[pure]] std::string piece(long i) { return std::to_string(heavy(i) % 10); }
[[pure]] std::string sv(long i) { return std::string(1, char('a' + heavy(i) % 26)); }
[[pure]] std::string_view word(long i) {
  constexpr std::string_view kWords[] = {"ab", "", "cde", "f"};
  return kWords[(i + heavy(i)) % 4];
}
[[pure]] std::string risky(long i, long bad) {
  if (i == bad)
    throw std::runtime_error("bad piece " + std::to_string(i));
  return piece(i);
}

struct P {
  long a;
  double b;
};
struct Acc {
  std::string s;
  std::vector<long> v;
  std::vector<P> ps;
  long n = 0;
};
struct Outer {
  Acc in;
  std::string s = "o:";
};
struct Tag {};
// A user's '+' taking a string is no concatenation: it may compute anything.
[[pure]] std::string operator+(const std::string &a, Tag) { return std::string(a.rbegin(), a.rend()) + "."; }

std::string digits(const std::vector<long> &v) {
  std::string s;
  for (long x : v)
    s += std::to_string(x % 100) + " ";
  // REMARK: concat-into-parts.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel concatenation onto 's' (the pieces kept in the loop's order) [purecc-concatenation]
  return s;
}

int main(int argc, char **) {
  const long n = 900;
  const long m = argc - 1; // 0: loops that never run
  Acc acc;
  acc.s = "start:";
  for (long i = 0; i < n; ++i)
    acc.s += piece(i);
  // REMARK: concat-into-parts.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel concatenation onto 'acc.s' (the pieces kept in the loop's order) [purecc-concatenation]
  // CHECK: acc.s += ::purecc::parallel_reduce(0, n, std::string{}, [&](std::int64_t i) -> std::string { std::string purecc_acc_{{[0-9]+}}{}; {
  // CHECK-NEXT: {{^}}    purecc_acc_{{[0-9]+}} += piece(i); } return purecc_acc_{{[0-9]+}}; }, [](std::string purecc_lhs, std::string purecc_rhs) { purecc_lhs += purecc_rhs; return purecc_lhs; });
  acc.v.push_back(-1);
  for (long i = n; i > 0; --i) {
    if (i % 7 == 0)
      continue;
    acc.v.push_back(heavy(i));
  }
  // REMARK: concat-into-parts.cpp:[[@LINE-5]]:3: remark: loop rewritten as a parallel concatenation onto 'acc.v' (the pieces kept in the loop's order) [purecc-concatenation]
  for (long i = 0; i < n; ++i)
    acc.ps.push_back(P{heavy(i), 0.5 * double(i)});
  // REMARK: concat-into-parts.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel concatenation onto 'acc.ps' (the pieces kept in the loop's order) [purecc-concatenation]
  double psum = 0;
  for (const P &p : acc.ps)
    psum += double(p.a) * p.b;
  // REMARK: concat-into-parts.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'psum' [purecc-reduction]
  show("A", acc.s);
  show("B", digits(acc.v));
  std::printf("C %zu %.1f\n", acc.ps.size(), psum);

  Outer o;
  for (long i = 0; i < n; ++i)
    o.s.append(word(i));
  // REMARK: concat-into-parts.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel concatenation onto 'o.s' (the pieces kept in the loop's order) [purecc-concatenation]
  for (long i = 0; i < n; ++i)
    o.in.s = sv(i) + o.in.s;
  // REMARK: concat-into-parts.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel concatenation in front of 'o.in.s' (the pieces kept in the loop's order, each in front of the one before) [purecc-concatenation]
  // CHECK: { auto purecc_c{{[0-9]+}} = ::purecc::parallel_reduce(0, n, std::string{}, [&](std::int64_t i) -> std::string { std::string purecc_acc_{{[0-9]+}}{}; {
  // CHECK-NEXT: {{^}}    purecc_acc_{{[0-9]+}} = sv(i) + purecc_acc_{{[0-9]+}}; } return purecc_acc_{{[0-9]+}}; }, [](std::string purecc_lhs, std::string purecc_rhs) { purecc_rhs += purecc_lhs; return purecc_rhs; }); o.in.s.insert(0, purecc_c{{[0-9]+}}); }
  for (long i = 0; i < n; ++i)
    o.in.v.insert(o.in.v.begin(), heavy(i) + i);
  // REMARK: concat-into-parts.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel concatenation in front of 'o.in.v' (the pieces kept in the loop's order, each in front of the one before) [purecc-concatenation]
  // CHECK: {{^}}    purecc_acc_{{[0-9]+}}.insert(purecc_acc_{{[0-9]+}}.begin(), heavy(i) + i); } return purecc_acc_{{[0-9]+}}; }, [](std::vector<long> purecc_lhs, std::vector<long> purecc_rhs) { ::purecc::append_moved(purecc_rhs, purecc_lhs); return purecc_rhs; }); o.in.v.insert(o.in.v.begin(), std::make_move_iterator(purecc_c{{[0-9]+}}.begin()), std::make_move_iterator(purecc_c{{[0-9]+}}.end())); }
  show("D", o.s);
  show("E", o.in.s);
  show("F", digits(o.in.v));

  std::string t;
  for (long i = 0; i < n; ++i)
    t = t + piece(i) + ",";
  // REMARK: concat-into-parts.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel concatenation onto 't' (the pieces kept in the loop's order) [purecc-concatenation]
  // CHECK: {{^}}    purecc_acc_{{[0-9]+}} = purecc_acc_{{[0-9]+}} + piece(i) + ","; } return purecc_acc_{{[0-9]+}};
  std::string x = "x";
  for (long i = 0; i < n; ++i)
    x.append(piece(i)).append(i % 2 ? "a" : "b");
  // REMARK: concat-into-parts.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel concatenation onto 'x' (the pieces kept in the loop's order) [purecc-concatenation]
  // CHECK: {{^}}    purecc_acc_{{[0-9]+}}.append(piece(i)).append(i % 2 ? "a" : "b"); } return purecc_acc_{{[0-9]+}};
  std::string y = "y";
  for (long i = n; i-- > 0;)
    y.insert(0, sv(i)).insert(0, "-");
  // REMARK: concat-into-parts.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel concatenation in front of 'y' (the pieces kept in the loop's order, each in front of the one before) [purecc-concatenation]
  std::string z = "z";
  for (long i = 0; i < n; ++i)
    z.append(sv(i)).insert(0, "<");
  // REMARK: concat-into-parts.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the loop both appends to 'z' and prepends to it, which purecc does not combine in one reduction [purecc-missed-reduction]
  show("G", t);
  show("H", x);
  show("I", y);
  show("J", z);

  std::array<std::string, 3> arr{"a0", "a1", "a2"};
  for (long i = 0; i < n; ++i)
    arr[2] += piece(i);
  // REMARK: concat-into-parts.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel concatenation onto 'arr[2]' (the pieces kept in the loop's order) [purecc-concatenation]
  std::string ca[2] = {"c0", "c1"};
  for (long i = 0; i < n; ++i)
    ca[0] = ca[0] + sv(i) + piece(i);
  // REMARK: concat-into-parts.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel concatenation onto 'ca[0]' (the pieces kept in the loop's order) [purecc-concatenation]
  std::vector<std::string> parts(3, "p");
  for (long i = 0; i < n; ++i)
    parts[1] += sv(i);
  // REMARK: concat-into-parts.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel concatenation onto 'parts[1]' (the pieces kept in the loop's order) [purecc-concatenation]
  // CHECK: {{^}}    purecc_acc_{{[0-9]+}} += sv(i); } return purecc_acc_{{[0-9]+}}; }, [](std::basic_string<char> purecc_lhs, std::basic_string<char> purecc_rhs) { purecc_lhs += purecc_rhs; return purecc_lhs; }); if (!purecc_c{{[0-9]+}}.empty()) parts[1] += purecc_c{{[0-9]+}}; }
  // An element of an empty vector, in a loop that never runs: the serial
  // loop never indexes it, and neither does the merge.
  std::vector<std::string> none;
  for (long i = 0; i < m; ++i)
    none[1] += sv(i);
  // REMARK: concat-into-parts.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel concatenation onto 'none[1]' (the pieces kept in the loop's order) [purecc-concatenation]
  std::vector<std::vector<long>> rows(2);
  for (long i = 0; i < n; ++i)
    if (heavy(i) % 3 != 0)
      rows[0].push_back(i);
  // REMARK: concat-into-parts.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel concatenation onto 'rows[0]' (the pieces kept in the loop's order) [purecc-concatenation]
  auto [bs, bn] = std::pair<std::string, long>{"b:", 7};
  for (long i = 0; i < n; ++i)
    bs += piece(i);
  // REMARK: concat-into-parts.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel concatenation onto 'bs' (the pieces kept in the loop's order) [purecc-concatenation]
  show("K", arr[2]);
  show("L", ca[0]);
  show("M", parts[1]);
  std::printf("N %zu\n", none.size());
  show("O", digits(rows[0]));
  show("P", bs);

  // Stay serial, with the true reason.
  Acc r1;
  for (long i = 0; i < n; ++i)
    r1.s += std::to_string(r1.s.size() % 10);
  // REMARK: concat-into-parts.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'r1.s' is updated inside the loop body ('r1.s += std::to_string(r1.s.size() % 10)') and 'r1' is also used there ('r1.s += std::to_string(r1.s.size() % 10)') otherwise: a part of an object is combined only when the body uses the object through its accumulations alone [purecc-missed-reduction]
  Acc r2;
  for (long i = 0; i < n; ++i) {
    r2.s += piece(i);
    r2.n += heavy(i);
  }
  // REMARK: concat-into-parts.cpp:[[@LINE-4]]:3: remark: loop not parallelized: 'r2.s' is updated inside the loop body ('r2.s += piece(i)') and 'r2' is also used there ('r2.n += heavy(i)') otherwise: a part of an object is combined only when the body uses the object through its accumulations alone [purecc-missed-reduction]
  Acc r3;
  const std::string &alias = r3.s;
  for (long i = 0; i < n; ++i)
    r3.s += piece(i) + std::to_string(alias.size() % 3);
  // REMARK: concat-into-parts.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'r3' is read inside the loop body (through 'alias', declared on line {{[0-9]+}}) [purecc-missed-reduction]
  Acc r4;
  std::string &ref = r4.s;
  for (long i = 0; i < n; ++i)
    ref += piece(i);
  // REMARK: concat-into-parts.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'ref' is not a local variable [purecc-missed-reduction]
  std::vector<std::string> rot(3);
  long k = 0;
  for (long i = 0; i < n; ++i) {
    rot[k] += sv(i);
    k = (k + 1) % 3;
  }
  // REMARK: concat-into-parts.cpp:[[@LINE-4]]:3: remark: loop not parallelized: the element of 'rot' written is not indexed by the loop variable [purecc-missed-map]
  Acc r5;
  try {
    for (long i = 0; i < n; ++i)
      r5.s += risky(i, 600 + m);
    // REMARK: concat-into-parts.cpp:[[@LINE-2]]:5: remark: loop not parallelized: 'risky' may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
  } catch (const std::exception &e) {
    std::printf("Q %s\n", e.what());
  }
  std::string tagged = "tag";
  for (long i = 0; i < 20; ++i)
    tagged = tagged + Tag{};
  // REMARK: concat-into-parts.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'operator+' does not combine two 'std::basic_string<char>' values into one, as a reduction of 'tagged' needs [purecc-missed-reduction]
  Acc r6;
  r6.s = "rec";
  for (long i = 0; i < n; ++i)
    r6.s = r6.s.substr(1) + piece(i);
  // REMARK: concat-into-parts.cpp:[[@LINE-2]]:3: remark: loop not parallelized: each iteration computes 'r6.s' from the value the iteration before left ('r6.s = r6.s.substr(1) + piece(i)'): a recurrence, not a reduction (only 'x += e', 'x = x + e' and the like combine in any grouping) [purecc-missed-reduction]
  show("R", r1.s);
  show("Z", r6.s);
  show("S", r2.s);
  std::printf("T %ld\n", r2.n);
  show("U", r3.s);
  show("V", r4.s);
  show("W", rot[0] + "|" + rot[1] + "|" + rot[2]);
  show("X", r5.s);
  show("Y", tagged);
}
// OUT: A {{.+}}
