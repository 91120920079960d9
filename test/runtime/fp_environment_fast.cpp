// Compiled at -O0 with -ffast-math, -funsigned-char (and -mfma on x86-64) by test/runtime/CMakeLists.txt:
// what a translation unit built with those flags puts in its memo namespace.
#include "purecc/memo_key.h"

const char *fast_compiler_id() { return purecc::compiler_id(); }
purecc::Hash128 fast_namespace() { return purecc::memo_namespace(purecc::compiler_id()); }
purecc::Hash128 fast_compiler_namespace() { return purecc::compiler_namespace(); }
