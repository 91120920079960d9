// Updates of elements at computed indices that no array reduction is made
// of stay serial with the reason, not "neither accumulates ... nor stores
// into elements by index", which the body does (adv47 t60, t42): an array
// that is a member of an object, an array of arrays updated in two
// dimensions, and a structured binding of an array.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>

[[pure]] long heavy(long x) {
  long r = x;
  for (int k = 0; k < 60; ++k)
    r = (r * 1103515245 + 12345) % 1000003;
  return r;
}

struct Binned {
  long bins[8];
  long total;
};

struct Stats {
  long hist[16] = {};
  long n = 0;
};

int main() {
  Stats st;
  for (long i = 0; i < 20000; ++i)
    ++st.hist[heavy(i) % 16];
  // REMARK: remark-element-updates.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'st.hist' is updated at a computed index ('++st.hist[heavy(i) % 16]'), but it is a member, and an array reduction is made only of a named array or container: update a local array and add it to 'st.hist' after the loop [purecc-missed-reduction]

  long h[4][4] = {};
  for (long i = 0; i < 20000; ++i)
    ++h[heavy(i) % 4][(i * 7) % 4];
  // REMARK: remark-element-updates.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'h' is updated at computed indices in two dimensions ('++h[heavy(i) % 4][(i * 7) % 4]'), and an array reduction is made of one dimension only: index one array ('h[a * N + b]') [purecc-missed-reduction]

  Binned p{};
  auto &[bins, total] = p;
  for (long i = 0; i < 20000; ++i)
    ++bins[heavy(i) % 8];
  // REMARK: remark-element-updates.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'bins' is updated at a computed index ('++bins[heavy(i) % 8]'), but it is a structured binding, of which no array reduction is made: update the array it names [purecc-missed-reduction]
  total = 1;
  // A plain store into a binding's elements: no map either (adv49 t51 was
  // told that the body stores into elements by index nowhere).
  for (long i = 0; i < 8; ++i)
    bins[i] = heavy(i);
  // REMARK: remark-element-updates.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'bins' is stored into by index ('bins[i] = heavy(i)'), but it is a structured binding, of which no map is made: store into the container it names [purecc-missed-reduction]

  long check = 0;
  for (long x : st.hist)
    check = check * 3 + x;
  for (auto &row : h)
    for (long x : row)
      check = check * 5 + x;
  for (long x : bins)
    check = check * 7 + x;
  std::printf("%ld %ld\n", check, total);
}
// OUT: {{-?[0-9]+}} 1
