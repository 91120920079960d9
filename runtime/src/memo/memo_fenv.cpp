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

namespace {
/// XXH3-128(under.hi · under.lo · "; <label> " + bits in hex): a namespace
/// under a mode that fegetround does not name.
Hash128 with_bits(const Hash128 &under, const char *label, unsigned bits) {
  std::string bytes;
  ByteWriter w(bytes);
  w.uint(under.hi);
  w.uint(under.lo);
  char hex[16];
  std::snprintf(hex, sizeof hex, "%x", bits);
  bytes += "; ";
  bytes += label;
  bytes += ' ';
  bytes += hex;
  return xxh3_128(bytes);
}
} // namespace

Hash128 flush_namespace(const Hash128 &ns, int rounding, unsigned flush) {
  return with_bits(rounding_namespace(ns, rounding), "flush", flush);
}

Hash128 control_namespace(const Hash128 &under, unsigned control) {
  return with_bits(under, "control", control);
}

} // namespace purecc
