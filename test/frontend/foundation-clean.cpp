// `purecc check` on a file whose [[pure]] functions are all fine reports
// nothing but its summary line and exits 0; `--dump-after=verify` lists
// every function it judged.
// RUN: %purecc check %s -- -std=c++20 2>&1 | FileCheck %s --check-prefix=SUMMARY --match-full-lines
// SUMMARY: 1 file, 4 pure functions verified, 0 violations
// RUN: %purecc check --dump-after=verify %s -- -std=c++20 | FileCheck %s

// CHECK: pure   square  ({{.*}}foundation-clean.cpp:[[@LINE+1]])
[[pure]] int square(int x) { return x * x; }

struct Vec {
  int x, y;
  // CHECK-NEXT: pure   Vec::dot  ({{.*}}foundation-clean.cpp:[[@LINE+1]])
  [[purecc::pure]] int dot(const Vec &o) const { return x * o.x + y * o.y; }
};

// CHECK-NEXT: pure   twice  ({{.*}}foundation-clean.cpp:[[@LINE+1]])
template <class T> [[pure]] T twice(T v) { return v + v; }

int main() {
  // CHECK-NEXT: pure   main()::(anonymous class)::operator()  ({{.*}}foundation-clean.cpp:[[@LINE+1]])
  auto inc = [] [[pure]] (int v) { return v + 1; };
  return square(2) + Vec{1, 2}.dot(Vec{3, 4}) + twice(3) + inc(1);
}
