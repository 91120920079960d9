// Hashing for memo keys: XXH3-128 and the key namespace (purecc/memo_key.h).
// libxxhash stays a private dependency of purecc_rt, so the hash lives here
// rather than in the header.
#include "purecc/memo_key.h"

#include "purecc/version.h"

#include <xxhash.h>

#include <cstdio>

namespace purecc {

std::string Hash128::hex() const {
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(hi),
                static_cast<unsigned long long>(lo));
  return buf;
}

Hash128 xxh3_128(std::string_view bytes) noexcept {
  const XXH128_hash_t h = XXH3_128bits(bytes.data(), bytes.size());
  return Hash128{h.high64, h.low64};
}

std::string memo_namespace_text(std::string_view compiler_id) {
  std::string text = "purecc ";
  text += runtime_version();
  // The key format: bumped whenever the canonical bytes of an argument or the
  // way fingerprints are made change, so that entries written under the old
  // rules are misses, never another call's answer. 2: floating-point
  // arguments by their exact bits (NaN sign and payload); fingerprints that
  // cover callees in other translation units.
  text += "; keys " + std::to_string(kMemoKeyFormat);
#ifdef __GXX_ABI_VERSION
  text += "; abi " + std::to_string(__GXX_ABI_VERSION);
#endif
#ifdef _GLIBCXX_USE_CXX11_ABI
  text += "; cxx11-abi " + std::to_string(_GLIBCXX_USE_CXX11_ABI);
#endif
  text += "; compiler ";
  text += compiler_id;
  text += "; ptr" + std::to_string(8 * sizeof(void *));
  text += " long" + std::to_string(8 * sizeof(long));
  text += " ldbl" + std::to_string(8 * sizeof(long double));
  text += std::endian::native == std::endian::little ? "; le" : "; be";
  return text;
}

Hash128 memo_namespace(std::string_view compiler_id) {
  return xxh3_128(memo_namespace_text(compiler_id));
}

} // namespace purecc
