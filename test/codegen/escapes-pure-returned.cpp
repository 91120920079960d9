// A pure function keeps no address past its call (ReturnedStorage.h): an
// address of the local it returns that it took (`std::back_inserter(out)`,
// a pointer into its own array) dies with its locals or travels inside
// the returned object, which only code naming the caller's variable
// reaches. So the two halves of a merge sort that merges through
// 'std::back_inserter' run in parallel (adv69 F2: they were left serial,
// "the address of 'l' escapes before them (line 9)", naming the call itself).
// A result that can hold an address may hold one the function took, and
// an address turned into a number may become an address again.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <iterator>
#include <vector>

[[pure]] std::vector<int> msort(const std::vector<int> &v) {
  if (v.size() < 2)
    return v;
  std::size_t h = v.size() / 2;
  auto l = msort(std::vector<int>(v.begin(), v.begin() + h));
  // REMARK: escapes-pure-returned.cpp:[[@LINE-1]]:12: remark: calls to 'msort' and 'msort' run in parallel [purecc-parallel-calls]
  auto r = msort(std::vector<int>(v.begin() + h, v.end()));
  std::vector<int> out;
  std::merge(l.begin(), l.end(), r.begin(), r.end(), std::back_inserter(out));
  return out;
}

[[pure]] long work(long i) {
  long s = i;
  for (int k = 0; k < 2000; ++k)
    s = (s * 31 + k) % 1000003;
  return s;
}

// A result that holds no address, filled through a pointer the function
// took: the calls run in parallel, and a loop over the two results is a map.
struct Plain {
  long cell[64];
};
[[pure]] Plain plain(long i) {
  Plain w{};
  long *p = &w.cell[0];
  for (int k = 0; k < 64; ++k)
    p[k] = i + k;
  return w;
}
long shifted(long i) {
  Plain a = plain(i);
  // REMARK: escapes-pure-returned.cpp:[[@LINE-1]]:13: remark: calls to 'plain' and 'plain' run in parallel [purecc-parallel-calls]
  Plain b = plain(i + 1);
  for (int k = 0; k < 63; ++k)
    a.cell[k] = work(b.cell[k + 1]);
  // REMARK: escapes-pure-returned.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'a.cell' [purecc-parallel-map]
  long s = 0;
  for (int k = 0; k < 64; ++k)
    s += a.cell[k];
  return s;
}

// Returned with a pointer into itself: the address may travel in the
// result ('a.cell' written while read through 'a.at'), so the local it
// initializes escapes where it is made.
struct Window {
  long cell[64];
  const long *at;
};
[[pure]] Window window(long i) {
  Window w{};
  for (int k = 0; k < 64; ++k)
    w.cell[k] = i + k;
  w.at = &w.cell[1];
  return w;
}
long windows(long i) {
  Window a = window(i);
  // REMARK: escapes-pure-returned.cpp:[[@LINE-1]]:14: remark: calls to 'window' and 'window' not parallelized: the address of 'a' escapes before them (line [[@LINE-1]]) [purecc-missed-parallel-calls]
  Window b = window(i + 1);
  // REMARK: escapes-pure-returned.cpp:[[@LINE-1]]:14: remark: calls to 'window' and 'window' not parallelized: the address of 'b' escapes before them (line [[@LINE-1]]) [purecc-missed-parallel-calls]
  return a.at[3] + b.at[4];
}

// An address kept as a number: in the result (adv70 F1), or returned
// from a reference the call was given (adv70 F2). The caller makes an
// address of it again; each loop stays serial.
struct Numbered {
  std::vector<long> cell;
  std::uintptr_t at;
};
[[pure]] Numbered numbered(long i) {
  Numbered w{std::vector<long>(64, i), 0};
  w.at = reinterpret_cast<std::uintptr_t>(w.cell.data());
  return w;
}
[[pure]] std::uintptr_t link(const std::vector<long> &v) { return reinterpret_cast<std::uintptr_t>(v.data()); }
long through_numbers(long i) {
  Numbered a = numbered(i);
  const long *p = reinterpret_cast<const long *>(a.at);
  for (int k = 0; k < 64; ++k)
    a.cell[k] = work(p[63 - k] + k);
  // REMARK: escapes-pure-returned.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'a' escapes where it is made, on line [[@LINE-4]]: 'numbered' returns its local 'w', whose address escapes on line [[@LINE-9]] [purecc-missed-map]
  std::vector<long> b(64, i + 1);
  auto h = link(b);
  const long *q = reinterpret_cast<const long *>(h);
  for (int k = 0; k < 64; ++k)
    b[k] = work(q[63 - k] + k);
  // REMARK: escapes-pure-returned.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'b' escapes ('link(b)' on line [[@LINE-4]]) [purecc-missed-map]
  long s = 0;
  for (int k = 0; k < 64; ++k)
    s += a.cell[k] * (k + 1) + b[k] * (k + 2);
  return s;
}

int main() {
  std::vector<int> v(5000);
  for (int i = 0; i < 5000; ++i)
    v[i] = (int)((i * 2654435761u) % 100000);
  // REMARK: escapes-pure-returned.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'v' [purecc-parallel-map]
  std::vector<int> s = msort(v);
  std::printf("%d %d %d %d\n", s[0], s[2500], s[4999], (int)std::is_sorted(s.begin(), s.end()));
  // OUT: 0 49900 99969 1
  std::printf("%ld %ld %ld\n", shifted(3), windows(5), through_numbers(7));
  // OUT-NEXT: 31226601 20 2208663514
}
