// The rewritten program's `__FILE__` is the serial program's: `#line`
// names the input as it was written on purecc's command line, relative
// when it was relative (ClangTool opens it by its absolute path, which every
// `assert` message of the rewritten program then printed instead).
// RUN: rm -rf %t && mkdir -p %t/src && cp %s %t/src/names.cpp
// RUN: cd %t && %purecc rewrite --remarks src/names.cpp -o out.cpp -- -std=c++20 2>&1 \
// RUN:   | FileCheck %s --check-prefix=REMARK
// REMARK: {{^}}src/names.cpp:[[@LINE+14]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
// RUN: FileCheck %s --check-prefix=LINE < %t/out.cpp
// LINE: {{^}}#line 16 "src/names.cpp"{{$}}
// RUN: cd %t && %cxx -std=c++20 -Wno-attributes src/names.cpp -o serial && ./serial > serial.txt
// RUN: cd %t && %cxx -std=c++20 %rt_cflags out.cpp -o rewritten %rt_link && ./rewritten > rewritten.txt
// RUN: diff %t/serial.txt %t/rewritten.txt
// RUN: FileCheck %s --check-prefix=OUT < %t/rewritten.txt
// OUT: src/names.cpp 1249975000
#include <cstdio>

[[pure]] long twice(long i) { return 2 * i; }

int main() {
  long s = 0;
  for (long i = 0; i < 50000; ++i)
    s += twice(i) / 2;
  std::printf("%s %ld\n", __FILE__, s);
}
