// The memo namespace under a rounding mode (purecc/memo_fenv.h).
#include "purecc/memo_fenv.h"

#include "purecc/serialize.h"

#include <cstdio>

namespace purecc {

std::string rounding_mode_name(int rounding) {
  switch (rounding) {
#ifdef FE_TONEAREST
  case FE_TONEAREST:
    return "to-nearest";
#endif
#ifdef FE_UPWARD
  case FE_UPWARD:
    return "upward";
#endif
#ifdef FE_DOWNWARD
  case FE_DOWNWARD:
    return "downward";
#endif
#ifdef FE_TOWARDZERO
  case FE_TOWARDZERO:
    return "toward-zero";
#endif
  default:
    return "mode " + std::to_string(rounding);
  }
}

Hash128 rounding_namespace(const Hash128 &ns, int rounding) {
  std::string bytes;
  ByteWriter w(bytes);
  w.uint(ns.hi);
  w.uint(ns.lo);
  bytes += "; round ";
  bytes += rounding_mode_name(rounding);
  return xxh3_128(bytes);
}

Hash128 flush_namespace(const Hash128 &ns, int rounding, unsigned flush) {
  const Hash128 under = rounding_namespace(ns, rounding);
  std::string bytes;
  ByteWriter w(bytes);
  w.uint(under.hi);
  w.uint(under.lo);
  char hex[16];
  std::snprintf(hex, sizeof hex, "%x", flush);
  bytes += "; flush ";
  bytes += hex;
  return xxh3_128(bytes);
}

} // namespace purecc
