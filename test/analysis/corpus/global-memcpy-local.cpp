// CORPUS: pure
// memcpy into a local is a local write (the usual bit-copy idiom).
#include <cstring>
#include <cstdint>
[[pure]] std::uint32_t bits_of(float f) {
  std::uint32_t u;
  std::memcpy(&u, &f, sizeof u);
  return u;
}
