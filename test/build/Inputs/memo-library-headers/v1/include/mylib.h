// Version 1 of a header-only library that CMake would pass as -isystem.
#pragma once
inline constexpr long lib_k = 3;
struct LibS { long k = 3; };
namespace lib {
inline long scale(long x) { return 3 * x; }
} // namespace lib
