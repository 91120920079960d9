// Version 2 of a header-only library that CMake would pass as -isystem.
#pragma once
inline constexpr long lib_k = 4;
struct LibS { long k = 4; };
namespace lib {
inline long scale(long x) { return 4 * x; }
} // namespace lib
