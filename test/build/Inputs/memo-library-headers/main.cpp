// Memoized functions that read a library's header found through `-isystem`
// (as CMake passes every imported target's include directory) and one that
// says `#pragma GCC system_header`: memo-library-headers.test upgrades the
// library (v1 -> v2) and expects the new values.
#include <cstdio>
#include <mylib.h>
#include <pragma_lib.h>

[[pure, purecc::memo]] long constant(long x) { return lib_k * x; }
[[pure, purecc::memo]] long member(long x) { return LibS{}.k * x; }
[[pure, purecc::memo]] long inline_call(long x) { return lib::scale(x); }
[[pure, purecc::memo]] long pragma_constant(long x) { return pragma_k * x; }

int main() {
  std::printf("constant %ld\nmember %ld\ninline_call %ld\npragma_constant %ld\n", constant(10),
              member(10), inline_call(10), pragma_constant(10));
}
