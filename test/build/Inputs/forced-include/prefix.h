// A prefix header, as CMake's target_precompile_headers forces into every
// unit with -include: the standard library's macros come before the file.
#include <cfloat>
#include <cstdint>
#include <fenv.h>
#include <string>
