// Differential test: random programs of the loop shapes purecc rewrites
// (test/codegen/Inputs/gen_loops.py: wrapping counters, count-down and
// stepped loops, (unsigned) casts, `continue`, integer and floating-point
// max/min in every form over NaN, +-0.0 and +-inf terms, argmin/argmax with
// ties, &&-folds, comma bodies, maps (affine, reverse, in place, range-for,
// reading the container), string appends, std::transform/transform_reduce/
// count_if, nests, bodies that throw at a generated index through a helper,
// a lambda, a constructor or a noexcept(false) destructor, caught in main,
// and sibling calls after a statement that may throw) print the same before
// and after the rewrite, at 1, 2 and 4 threads. A fixed pair of seeds here
// (11: affine maps, argmax, strings, a throwing loop, fmax; 43: `continue`,
// count-down loops, in-place maps, sibling calls, a throwing loop; both give
// iv a loop, so short loops are rewritten too); bench/fuzz/sweep_loops.sh
// runs many.
// RUN: python3 %S/Inputs/gen_loops.py 11 > %t.11.cpp
// RUN: %e2e %t.11.cpp %t.11 | FileCheck %s
// RUN: python3 %S/Inputs/gen_loops.py 43 > %t.43.cpp
// RUN: %e2e %t.43.cpp %t.43 | FileCheck %s
// Each program prints at least one result.
// CHECK: {{^[a-z]+[0-9]* }}
