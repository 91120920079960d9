// Compiled with -ffast-math, -funsigned-char (and -mfma on x86-64) by test/runtime/CMakeLists.txt:
// what a translation unit built with those flags puts in its memo namespace.
#include "purecc/memo_key.h"

const char *fast_compiler_id() { return PURECC_COMPILER_ID; }
purecc::Hash128 fast_namespace() { return purecc::memo_namespace(PURECC_COMPILER_ID); }
purecc::Hash128 fast_compiler_namespace() { return purecc::compiler_namespace(); }
