// A user library found through -isystem that spells its names as the
// implementation does (version 2: the factor is 4).
#pragma once
namespace mylib {
namespace __impl {
inline constexpr long k = 4;
} // namespace __impl
inline long scale(long x) { return x * __impl::k; }
} // namespace mylib
inline constexpr long _Scale = 4;
inline long __twice(long x) { return x * 4; }
