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
// runs many. Three seeds of the second mode (`parts`, gen_parts.py: map
// stores into members and nested members, std::get/pair parts, reads of
// another element's part; row maps over vectors of vectors, C arrays and
// jagged rows, the inner loop of a refused nest; reductions into members,
// elements and bindings, complex sums, ordered folds and concatenations
// into parts; terms through lambdas and function pointers; elements holding
// references, vector<bool> and bitset stores): 1008 (member and
// std::get/pair stores, a throwing term, a recurrence through p[i - 1].x,
// rows read at j - 1 and j + 1, the inner loop of a refused nest, a string
// fold into a member, vector<bool>), 1011 (a wrapper to one object, lambdas
// capturing the accumulator and a variable by reference, a function
// reference, range-for rows with `continue`), 1018 (tuples of references
// and wrappers, p[i + 1].x, complex sums, vector<bool>).
// RUN: python3 %S/Inputs/gen_loops.py 11 > %t.11.cpp
// RUN: %e2e %t.11.cpp %t.11 | FileCheck %s
// RUN: python3 %S/Inputs/gen_loops.py 43 > %t.43.cpp
// RUN: %e2e %t.43.cpp %t.43 | FileCheck %s
// RUN: python3 %S/Inputs/gen_loops.py 1008 parts > %t.p1008.cpp
// RUN: %e2e %t.p1008.cpp %t.p1008 | FileCheck %s
// RUN: python3 %S/Inputs/gen_loops.py 1011 parts > %t.p1011.cpp
// RUN: %e2e %t.p1011.cpp %t.p1011 | FileCheck %s
// RUN: python3 %S/Inputs/gen_loops.py 1018 parts > %t.p1018.cpp
// RUN: %e2e %t.p1018.cpp %t.p1018 | FileCheck %s
// Each program prints at least one result.
// CHECK: {{^[a-z]+[0-9]* }}
