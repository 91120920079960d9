// A user library found through -isystem that spells its names as the
// implementation does (version 1: the factor is 3).
#pragma once
namespace mylib {
namespace __impl {
inline constexpr long k = 3;
} // namespace __impl
inline long scale(long x) { return x * __impl::k; }
} // namespace mylib
inline constexpr long _Scale = 3;
inline long __twice(long x) { return x * 3; }
