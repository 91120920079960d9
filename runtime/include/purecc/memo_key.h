// purecc/memo_key.h — the 128-bit key of one memoized call.
//
// key = XXH3-128( function fingerprint (16 bytes)
//               · namespace hash     (16 bytes: purecc version, key format,
//                                      C++ ABI, compiler, data model, byte order)
//               · canonical bytes of the arguments (purecc/serialize.h) )
//
// Why these parts: the fingerprint changes when the function or anything it
// calls changes (codegen computes it), the namespace keeps a new runtime or
// another compiler from reading results written under different rules, and
// the canonical argument bytes make equal arguments give equal keys in every
// process. Keys are compared by their 128 bits only (like ccache), so a
// collision needs ~2^64 distinct calls.
//
// Usage:
//   purecc::Hash128 fn{0x1234ULL, 0x5678ULL};                 // from codegen
//   purecc::MemoKey k = purecc::make_memo_key(fn, purecc::compiler_namespace(), 3, 4.5);
//   std::printf("%s\n", k.hex().c_str());
#pragma once
// A library's warnings are its own business: a user's -Wshadow must not
// fire on our locals because a global of theirs is named 'f' (hdr22).
// purecc's own targets define PURECC_RUNTIME_OWN_WARNINGS to see them.
#ifndef PURECC_RUNTIME_OWN_WARNINGS
#pragma GCC system_header
#endif

#include "purecc/fp_environment.h"
#include "purecc/serialize.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace purecc {

/// A 128-bit hash: memo keys, function fingerprints, checksums.
struct Hash128 {
  std::uint64_t hi = 0;
  std::uint64_t lo = 0;
  friend bool operator==(const Hash128 &, const Hash128 &) = default;
  /// 32 lower-case hex digits, hi first.
  std::string hex() const;
};
using MemoKey = Hash128;

struct Hash128Hasher {
  std::size_t operator()(const Hash128 &h) const noexcept { return static_cast<std::size_t>(h.lo); }
};

/// XXH3-128 of `bytes` (libxxhash, XXH3_128bits).
Hash128 xxh3_128(std::string_view bytes) noexcept;

/// The version of the key format (canonical argument bytes, fingerprints),
/// part of the namespace: a new format reads none of the old entries.
inline constexpr int kMemoKeyFormat = 3;

/// The namespace text for a compiler id, e.g. "purecc 0.1.0; keys 3;
/// abi 1017; cxx11-abi 1; compiler gcc 12.2.0; ptr64 long64 ldbl128; le".
std::string memo_namespace_text(std::string_view compiler_id);
/// XXH3-128 of memo_namespace_text(compiler_id).
Hash128 memo_namespace(std::string_view compiler_id);

// Flags that change what the same source computes, though no code reads a
// macro for them: `char`'s signedness (-funsigned-char turns `(char)200`
// into 200 instead of -56), `wchar_t`'s (-fshort-wchar), the size and
// the format of `long double` (-mlong-double-64; -mlong-double-128 keeps
// the size at 16 and makes it IEEE binary128), whether `u8"..."` is
// `char8_t` (-fno-char8_t), g++'s complex arithmetic rules
// (-fcx-limited-range, -fcx-fortran-rules), and whether a plain `int`
// bit-field is signed (-funsigned-bitfields; no macro: detail::
// kPlainBitfieldsSigned). adv51 t33, t34, t36, t37 read a result computed
// under the other setting from the disk store.
#if defined(__CHAR_UNSIGNED__)
#define PURECC_ABI_CHAR_ " char=unsigned"
#else
#define PURECC_ABI_CHAR_ " char=signed"
#endif
#if defined(__WCHAR_UNSIGNED__)
#define PURECC_ABI_WCHAR_ " wchar=unsigned"
#else
#define PURECC_ABI_WCHAR_ " wchar=signed"
#endif
#if defined(__cpp_char8_t)
#define PURECC_ABI_CHAR8_ " char8_t"
#else
#define PURECC_ABI_CHAR8_ " no-char8_t"
#endif
#if defined(__GCC_IEC_559_COMPLEX)
#define PURECC_ABI_COMPLEX_ " iec559-complex=" PURECC_FP_STR(__GCC_IEC_559_COMPLEX)
#else
#define PURECC_ABI_COMPLEX_ ""
#endif
/// The data-model part of the memo namespace, a string literal.
#define PURECC_ABI_ID                                                                   \
  "; abi" PURECC_ABI_CHAR_ PURECC_ABI_WCHAR_ " wchar-size=" PURECC_FP_STR(__SIZEOF_WCHAR_T__)     \
  " ldbl-size=" PURECC_FP_STR(__SIZEOF_LONG_DOUBLE__)                                   \
  " ldbl-mant=" PURECC_FP_STR(__LDBL_MANT_DIG__) PURECC_ABI_CHAR8_ PURECC_ABI_COMPLEX_

namespace detail {
/// Whether a plain `int` bit-field is signed in the calling translation
/// unit: -funsigned-bitfields makes it unsigned, and no macro says so.
/// Internal linkage: each translation unit has its own answer.
struct plain_bitfield {
  int bits : 2;
};
constexpr bool kPlainBitfieldsSigned = [] {
  plain_bitfield p{};
  int all_ones = 0;
  --all_ones; // not a literal: no -Woverflow where the field is unsigned
  p.bits = all_ones;
  return p.bits < 0;
}();
} // namespace detail

// The compiler that builds the *calling* code: macros expand in the user's
// translation unit, so a program built by clang never reads results that a
// gcc build wrote, nor one built with -ffast-math or FMA contraction one
// built without (purecc/fp_environment.h), nor one built with
// -funsigned-char one built without.
#if defined(__clang__)
#define PURECC_COMPILER_ID "clang " __clang_version__ PURECC_FP_ID PURECC_ABI_ID
#elif defined(__GNUC__)
#define PURECC_COMPILER_ID "gcc " __VERSION__ PURECC_FP_ID PURECC_ABI_ID
#else
#define PURECC_COMPILER_ID "unknown" PURECC_FP_ID PURECC_ABI_ID
#endif

/// The namespace of the calling translation unit's compiler and flags,
/// computed once per translation unit. `static`: with external linkage the
/// linker would keep one translation unit's copy, and a file built with
/// -ffast-math would share the namespace of one built without.
static inline const Hash128 &compiler_namespace();

/// The calling translation unit's compiler id: PURECC_COMPILER_ID and the
/// signedness of its plain bit-fields.
///   std::puts(purecc::compiler_id());  // "gcc 12.2.0; fp ...; abi ... bitfields=signed"
static inline const char *compiler_id() {
  return detail::kPlainBitfieldsSigned ? PURECC_COMPILER_ID " bitfields=signed"
                                       : PURECC_COMPILER_ID " bitfields=unsigned";
}

static inline const Hash128 &compiler_namespace() {
  static const Hash128 ns = memo_namespace(compiler_id());
  return ns;
}

namespace detail {
// Scratch buffer for key bytes, one per thread. Keys are built and hashed
// before the memoized body runs, so nested memo calls never see it in use.
// The pointer is trivially destructible so that memoized calls made during
// thread or process teardown (after thread_local destructors ran) still find
// a usable, if fresh, buffer instead of a destroyed one.
inline thread_local std::string *key_scratch_ptr = nullptr;
struct KeyScratchReleaser {
  ~KeyScratchReleaser() {
    delete key_scratch_ptr;
    key_scratch_ptr = nullptr;
  }
};
inline std::string &key_scratch() {
  if (!key_scratch_ptr) [[unlikely]] {
    key_scratch_ptr = new std::string;
    thread_local KeyScratchReleaser releaser;
    (void)releaser;
  }
  return *key_scratch_ptr;
}
} // namespace detail

/// The memo key of a call of `fingerprint` with `args` under namespace `ns`.
template <class... Args>
MemoKey make_memo_key(const Hash128 &fingerprint, const Hash128 &ns, const Args &...args) {
  std::string &buf = detail::key_scratch();
  buf.clear();
  ByteWriter w(buf);
  w.uint(fingerprint.hi);
  w.uint(fingerprint.lo);
  w.uint(ns.hi);
  w.uint(ns.lo);
  (w.write(args), ...);
  return xxh3_128(buf);
}

} // namespace purecc
