// Differential test: random programs of the loop shapes purecc rewrites
// (test/codegen/Inputs/gen_loops.py: wrapping counters, integer and
// floating-point max/min in every form over NaN, +-0.0 and +-inf terms,
// &&-folds, maps, nests) print the same before and after the rewrite, at
// 1, 2 and 4 threads. A fixed pair of seeds here; bench/fuzz/sweep_loops.sh
// runs many.
// RUN: python3 %S/Inputs/gen_loops.py 3 > %t.3.cpp
// RUN: %e2e %t.3.cpp %t.3 | FileCheck %s
// RUN: python3 %S/Inputs/gen_loops.py 11 > %t.11.cpp
// RUN: %e2e %t.11.cpp %t.11 | FileCheck %s
// Each program prints at least one result.
// CHECK: {{^[a-z]+[0-9]* }}
