// Concatenations written as people write them (adv20 F-R3, F-R5): a prepend
// spelled 's.replace(0, 0, p)' is 's.insert(0, p)' and is rewritten; a step
// that puts a piece at both ends and an accumulation into an element of a
// 'std::vector', and an append spelled 's.replace(s.size(), 0, p)', stay
// serial with the true reason, not "neither accumulates nor stores". An accumulator that is a
// member is a private place like a variable (concat-into-parts.cpp).
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: env E2E_TIMEOUT=120 %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <string>
#include <vector>

[[pure]] long heavy(long x) {
  long s = 0;
  for (long k = 0; k < 300; ++k)
    s += (x * k + 3) % 7;
  return s;
}
[[pure]] std::string piece(long i) {
  return std::string(1, char('a' + heavy(i) % 26)) + (i % 5 == 0 ? "|" : "");
}
struct Holder {
  std::string s;
};

int main() {
  const long n = 600;
  std::string s3 = "V";
  for (long i = 0; i < n; ++i)
    s3.replace(0, 0, piece(i));
  // REMARK: concat-ends-and-parts.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel concatenation in front of 's3' (the pieces kept in the loop's order, each in front of the one before) [purecc-concatenation]
  std::string s5 = "X";
  for (long i = n; i-- > 0;) {
    if (i % 7 == 3)
      continue;
    s5.replace(0, 0, 2, char('A' + heavy(i) % 26));
  }
  // REMARK: concat-ends-and-parts.cpp:[[@LINE-5]]:3: remark: loop rewritten as a parallel concatenation in front of 's5' (the pieces kept in the loop's order, each in front of the one before) [purecc-concatenation]
  std::printf("A %s\nB %s\n", s3.c_str(), s5.c_str());

  std::string s4 = "W";
  for (long i = 0; i < 12; ++i)
    s4 = piece(i) + s4 + piece(i + 1);
  // REMARK: concat-ends-and-parts.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the loop both appends to 's4' and prepends to it, which purecc does not combine in one reduction [purecc-missed-reduction]
  // REMARK: concat-ends-and-parts.cpp:[[@LINE-2]]:10: remark: calls to 'piece' and 'piece' run in parallel [purecc-parallel-calls]
  Holder h2, h3;
  for (long i = 0; i < 12; ++i)
    h2.s = piece(i) + h2.s;
  // REMARK: concat-ends-and-parts.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel concatenation in front of 'h2.s' (the pieces kept in the loop's order, each in front of the one before) [purecc-concatenation]
  for (long i = 0; i < 12; ++i)
    h3.s += piece(i);
  // REMARK: concat-ends-and-parts.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel concatenation onto 'h3.s' (the pieces kept in the loop's order) [purecc-concatenation]
  std::vector<long> vv(3, 0);
  for (long i = 0; i < n; ++i) {
    vv[0] += heavy(i);
    vv[1] += 1;
  }
  // REMARK: concat-ends-and-parts.cpp:[[@LINE-4]]:3: remark: loop rewritten as a parallel reduction of the elements of 'vv' (a private copy per leaf) [purecc-array-reduction]
  std::printf("C %s\nD %s %s\nE %ld %ld\n", s4.c_str(), h2.s.c_str(), h3.s.c_str(), vv[0], vv[1]);
  // An append spelled as a replace at the end is not recognized; the
  // remark names it (adv44 t07 said "neither accumulates ... nor stores").
  std::string s6 = "Y";
  for (long i = 0; i < n; ++i)
    s6.replace(s6.size(), 0, piece(i));
  // REMARK: concat-ends-and-parts.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 's6' is changed by 'replace' ('s6.replace(s6.size(), 0, piece(i))'), of which no reduction is made: only appends ('+=', 'append', 'push_back', 'emplace_back', 'insert' at 'end()') and arithmetic or bitwise updates are combined [purecc-missed-reduction]
  std::printf("F %s\n", s6.c_str());
}
// OUT: A {{.+}}
// OUT: F Y{{[a-z|]+}}{{$}}
