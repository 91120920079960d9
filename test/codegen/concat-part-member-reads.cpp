// A concatenation onto a member, or a sum into one, beside reads of other
// members of the same object that the loop never writes (`d.tokens.
// push_back(tok(k) + d.label)`): those members lie apart from the part
// accumulated, as a map allows beside its stores, so the loop is rewritten
// (user48 k07: "'d' is also used there otherwise"). A body that writes the
// member it reads, or uses the object whole, stays serial.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <vector>

struct Doc {
  std::vector<int> tokens;
  int label;
  long weight;
};

[[pure]] int tok(int id, int k) {
  int h = id * 1000 + k;
  for (int r = 0; r < 200; ++r)
    h = h * 1103515 + 12345;
  return h & 63;
}

long digestOf(const Doc &d) {
  long s = d.weight;
  for (int t : d.tokens)
    s = s * 31 + t;
  return s;
}

int main() {
  Doc a{{}, 2, 0};
  for (int k = 0; k < 3000; ++k)
    a.tokens.push_back(tok(5, k) + a.label);
  // REMARK: concat-part-member-reads.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel concatenation onto 'a.tokens' (the pieces kept in the loop's order) [purecc-concatenation]
  Doc b{{}, 3, 0};
  for (int k = 0; k < 3000; ++k)
    b.weight += tok(7, k) * b.label;
  // REMARK: concat-part-member-reads.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'b.weight' [purecc-reduction]
  // The member read is written too: serial.
  Doc c{{}, 1, 0};
  for (int k = 0; k < 3000; ++k) {
    c.tokens.push_back(tok(9, k) + c.label);
    c.label = k % 4;
  }
  // REMARK: concat-part-member-reads.cpp:[[@LINE-4]]:3: remark: loop not parallelized: 'c.tokens' is updated inside the loop body and 'c' is also used there ('c.label = k % 4') otherwise: a part of an object is combined only when the body uses the object through its accumulations alone [purecc-missed-reduction]
  std::printf("%ld %ld %ld\n", digestOf(a), digestOf(b), digestOf(c));
  // OUT: 3105618942565734748 283788 -3607078608350850494
}
