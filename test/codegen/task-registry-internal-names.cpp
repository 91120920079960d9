// A function of internal linkage is named by its symbol and its file, and
// two files of one name in two folders (`d1/util.cpp`, `d2/util.cpp`, each
// with its own `static` fib) get two task ids: the file's name is followed
// by 8 hex digits of the XXH3 of its absolute path (adv71 F8: both were
// '_ZL3fibi@util.cpp#call', and mpirun refused to start).
// RUN: rm -rf %t && mkdir -p %t/d1 %t/d2 && cp %s %t/d1/util.cpp && cp %s %t/d2/util.cpp
// RUN: %purecc rewrite %t/d1/util.cpp -o - -- -std=c++20 -DPURECC_DISTRIBUTED %rt_cflags | grep -oE '"_ZL3fibi@util[.]cpp-[0-9a-f]+#call"' | sort -u > %t/ids
// RUN: %purecc rewrite %t/d2/util.cpp -o - -- -std=c++20 -DPURECC_DISTRIBUTED %rt_cflags | grep -oE '"_ZL3fibi@util[.]cpp-[0-9a-f]+#call"' | sort -u >> %t/ids
// RUN: FileCheck %s < %t/ids
// RUN: sort -u %t/ids | count 2
// CHECK: {{^}}"_ZL3fibi@util.cpp-{{[0-9a-f]+}}#call"{{$}}
// CHECK: {{^}}"_ZL3fibi@util.cpp-{{[0-9a-f]+}}#call"{{$}}

[[pure]] static long fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

long run_fib(int n) { return fib(n); }
