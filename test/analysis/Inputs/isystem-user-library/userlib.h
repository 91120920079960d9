// A user's library found through -isystem (as CMake passes an imported
// target's include directory) that spells its names as the implementation
// does. It is the user's code: its bodies are checked.
#pragma once
long g_calls = 0;
namespace mylib {
namespace __impl {
inline constexpr long k = 3;
inline long tally(long x) { ++g_calls; return x; }
} // namespace __impl
inline long scale(long x) { return x * __impl::k; }
} // namespace mylib
inline constexpr long _Scale = 3;
inline long __twice(long x) { return x * 2; }
inline long __counted(long x) { ++g_calls; return x * 2; }
