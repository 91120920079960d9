// An `asm` statement, even one without operands, is a side effect the
// scanner cannot see through: the loop holding it stays serial, with a
// remark. (An operand-less `asm("")` once crashed `purecc rewrite`.)
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: FileCheck %s --input-file=%t.out.cpp --strict-whitespace

[[pure]] long f(long i) { return i * i % 7; }

int main() {
  long s = 0;
  // CHECK: {{^}}  for (long i = 0; i < 100; ++i) { asm(""); s += f(i); }
  for (long i = 0; i < 100; ++i) { asm(""); s += f(i); }
  // REMARK: asm-statement.cpp:[[@LINE-1]]:3: remark: loop not parallelized: the loop body has side effects [purecc-missed-reduction]
  // CHECK: {{^}}  for (long i = 0; i < 100; ++i) { asm volatile("" ::: "memory"); s += f(i); }
  for (long i = 0; i < 100; ++i) { asm volatile("" ::: "memory"); s += f(i); }
  // REMARK: asm-statement.cpp:[[@LINE-1]]:3: remark: loop not parallelized: the loop body has side effects [purecc-missed-reduction]
  return s > 0 ? 0 : 1;
}
