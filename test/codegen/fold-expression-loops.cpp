// A loop in a variadic template whose body is a fold expression without
// braces: an instantiated fold is its expanded operators alone, and the
// text '+ ...)' after the last one belongs to no node. The loop is a
// reduction like any other (it was "the loop is written in a macro",
// adv63 R13); the one text stands for every instantiation. Right and left
// folds, with and without an initial value, '=' and '+=', one pack and two
// instantiations.
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: FileCheck %s --check-prefix=CODE < %t.out.cpp
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>

[[pure]] long work(long d) {
  long s = 0;
  for (long k = 0; k < 300; ++k)
    s += (d * k) % 7;
  return s;
}

template <class... Ts> [[pure]] long right_fold(long n, Ts... xs) {
  long s = 0;
  for (long i = 0; i < n; ++i) s += (work(i + xs) + ...);
  // CHECK: fold-expression-loops.cpp:[[@LINE-1]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  // CODE: { purecc_acc_{{[0-9]+}} += (work(i + xs) + ...); }
  return s;
}

template <class... Ts> [[pure]] long left_fold_with_init(long n, Ts... xs) {
  long s = 0;
  for (long i = 0; i < n; ++i) s = s + (1 + ... + work(i * xs));
  // CHECK: fold-expression-loops.cpp:[[@LINE-1]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  // CODE: { purecc_acc_{{[0-9]+}} = purecc_acc_{{[0-9]+}} + (1 + ... + work(i * xs)); }
  return s;
}

template <class... Ts> [[pure]] long right_fold_with_init(long n, Ts... xs) {
  long s = 0;
  for (long i = 0; i < n; ++i)
    s += (work(i - xs) * ... * 1);
  // CHECK: fold-expression-loops.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  return s;
}

// A left fold of '+=' updates what the '+=' before it returns: no
// reduction step, and the remark says so (adv65 G8 said "neither
// accumulates"); the comma fold of one '+=' per term is one.
template <class... Ts> [[pure]] long chained_fold(long n, Ts... xs) {
  long s = 0;
  for (long i = 0; i < n; ++i)
    (s += ... += work(i + xs));
  // CHECK: fold-expression-loops.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 's' is updated through what another assignment to it returns ('s += ... += work(i + xs)'): a reduction's step names the accumulator itself, one term at a time ('s += term;', or the comma fold '((s += terms), ...)') [purecc-missed-reduction]
  // CHECK: fold-expression-loops.cpp:[[@LINE-2]]:18: remark: calls to 'work' and 'work' not parallelized: the calls are expanded from one pack ('...'), whose one text cannot hold a task for each [purecc-missed-parallel-calls]
  return s;
}

template <class... Ts> [[pure]] long comma_fold(long n, Ts... xs) {
  long s = 0;
  for (long i = 0; i < n; ++i)
    ((s += work(i + xs)), ...);
  // CHECK: fold-expression-loops.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  return s;
}

int main() {
  long a = right_fold(400, 1L, 2L) + right_fold(300, 3L);
  // CHECK: fold-expression-loops.cpp:[[@LINE-1]]:12: remark: calls to 'right_fold' and 'right_fold' run in parallel [purecc-parallel-calls]
  std::printf("%ld %ld %ld\n", a, left_fold_with_init(400, 2L, 5L, 7L), right_fold_with_init(300, 1L, 4L));
  // CHECK: fold-expression-loops.cpp:[[@LINE-1]]:35: remark: calls to 'left_fold_with_init' and 'right_fold_with_init' run in parallel [purecc-parallel-calls]
  std::printf("%ld %ld\n", chained_fold(300, 2L, 9L), comma_fold(300, 2L, 9L));
  // CHECK: fold-expression-loops.cpp:[[@LINE-1]]:28: remark: calls to 'chained_fold' and 'comma_fold' run in parallel [purecc-parallel-calls]
}
// OUT: 848226 615658 169914126
// OUT-NEXT: 462348 462348
