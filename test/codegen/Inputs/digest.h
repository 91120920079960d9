// What a test prints of many doubles: an FNV-1a hash of their bits, so that
// every bit counts (NaN, -0.0 and the infinities hash as what they are).
#pragma once

#include <cstdint>
#include <cstring>

// h extended by d's bits. One NaN: its sign and payload are the compiler's
// choice.
inline std::uint64_t bits(double d, std::uint64_t h) {
  std::uint64_t b = 0x7ff8000000000000ULL;
  if (d == d)
    std::memcpy(&b, &d, sizeof b);
  return (h ^ b) * 1099511628211ULL;
}

// h extended by the bits of p[0], ..., p[n-1].
inline std::uint64_t digest(const double *p, std::size_t n, std::uint64_t h) {
  for (std::size_t k = 0; k < n; ++k)
    h = bits(p[k], h);
  return h;
}
