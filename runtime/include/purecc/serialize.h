// purecc/serialize.h — canonical byte encoding of memo keys and results.
//
// Why: a memo key must be the same for equal arguments in every run and every
// process, and results go to disk, so both need a byte form that does not
// depend on addresses, padding or hash-table order. Floating-point values
// keep every bit that a program can observe: the sign of a zero and the sign
// and payload of a NaN (a function may look at `signbit`, so f(-NaN) and
// f(+NaN) are different calls, and a cached -NaN must come back as -NaN).
// Reading is total: malformed bytes make `read` return false (a cache miss),
// never UB.
//
// Format (little-endian, no padding, lengths are 8-byte counts):
//   bool 1 byte (0|1) · integers/enums/char sizeof(T) bytes · float/double
//   their exact IEEE bits (NaN sign and payload, -0.0 != +0.0) ·
//   long double class/sign/exponent/mantissa words (a NaN: its payload
//   bits) · string, vector, map,
//   set: count + elements · array, pair, tuple, aggregates: elements only ·
//   optional: 0|1 + value · variant: 4-byte index + value · unordered
//   containers: count + elements in iteration order.
//
// Usage:
//   std::string bytes = purecc::to_bytes(std::pair{1, std::string("x")});
//   auto back = purecc::from_bytes<std::pair<int, std::string>>(bytes);
//
//   struct Point { double x, y; };          // a user aggregate
//   template <> struct purecc::codec<Point> : purecc::fields<&Point::x, &Point::y> {};
#pragma once
// A library's warnings are its own business: a user's -Wshadow must not
// fire on our locals because a global of theirs is named 'f' (hdr22).
// purecc's own targets define PURECC_RUNTIME_OWN_WARNINGS to see them.
#ifndef PURECC_RUNTIME_OWN_WARNINGS
#pragma GCC system_header
#endif

// No <cmath> or <cstring> (the compiler's builtins instead): the rewritten
// file includes this header first, and <math.h> would declare '::sqrt',
// '::y1'... in the user's file, where a user's 'float sqrt(float)' then
// loses overload resolution and a global 'y1' no longer compiles (adv38
// t01, t02). test/runtime/test_header_names.cpp holds to it.
#include <algorithm>
#include <array>
#include <bit>
#include <cfloat>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <variant>
#include <vector>

namespace purecc {

/// The customization point. Specialize for your type with
///   static void write(ByteWriter&, const Value&);
///   static bool read(ByteReader&, Value&);     // false = malformed input
/// `read` receives a default-constructed Value. The primary template is left
/// undefined so that a missing codec is a compile error naming the type.
template <class Value, class Enable = void> struct codec;

/// Appends canonical bytes to a std::string.
///   std::string s; purecc::ByteWriter w(s); w.write(42); w.write(std::string("a"));
class ByteWriter {
public:
  explicit ByteWriter(std::string &out) noexcept : out_(&out) {}
  void bytes(const void *p, std::size_t n) { out_->append(static_cast<const char *>(p), n); }
  /// Fixed-width little-endian unsigned integer of sizeof(Unsigned) bytes.
  template <class Unsigned> void uint(Unsigned v) {
    static_assert(std::is_unsigned_v<Unsigned>);
    if constexpr (std::endian::native == std::endian::big)
      v = byteswap(v);
    bytes(&v, sizeof v);
  }
  void count(std::size_t n) { uint(static_cast<std::uint64_t>(n)); }
  template <class Value> void write(const Value &v) { codec<std::remove_cv_t<Value>>::write(*this, v); }
  std::string &buffer() noexcept { return *out_; }

private:
  template <class Unsigned> static Unsigned byteswap(Unsigned v) {
    Unsigned r = 0;
    for (std::size_t i = 0; i < sizeof(Unsigned); ++i)
      r = static_cast<Unsigned>((r << 8) | ((v >> (8 * i)) & 0xFF));
    return r;
  }
  std::string *out_;
};

/// Reads canonical bytes back; every accessor returns false instead of
/// reading past the end, and nesting deeper than kMaxDepth is rejected (so a
/// forged recursive value cannot exhaust the stack).
///   purecc::ByteReader r(bytes); int x; if (!r.read(x) || !r.at_end()) ...
class ByteReader {
public:
  static constexpr int kMaxDepth = 512;
  explicit ByteReader(std::string_view in) noexcept : in_(in) {}
  std::size_t remaining() const noexcept { return in_.size(); }
  bool at_end() const noexcept { return in_.empty(); }
  bool bytes(void *p, std::size_t n) noexcept {
    if (n > in_.size())
      return false;
    if (n != 0)
      __builtin_memcpy(p, in_.data(), n);
    in_.remove_prefix(n);
    return true;
  }
  bool view(std::string_view &out, std::size_t n) noexcept {
    if (n > in_.size())
      return false;
    out = in_.substr(0, n);
    in_.remove_prefix(n);
    return true;
  }
  template <class Unsigned> bool uint(Unsigned &v) noexcept {
    static_assert(std::is_unsigned_v<Unsigned>);
    Unsigned le{};
    if (!bytes(&le, sizeof le))
      return false;
    v = 0;
    const auto *b = reinterpret_cast<const unsigned char *>(&le);
    for (std::size_t i = 0; i < sizeof(Unsigned); ++i)
      v = static_cast<Unsigned>(v | (static_cast<Unsigned>(b[i]) << (8 * i)));
    return true;
  }
  /// An element count: rejected if it exceeds the bytes left, because every
  /// element of a well-formed value takes at least one byte.
  bool count(std::size_t &n) noexcept {
    std::uint64_t c = 0;
    if (!uint(c) || c > in_.size())
      return false;
    n = static_cast<std::size_t>(c);
    return true;
  }
  template <class Value> bool read(Value &v) {
    if (depth_ >= kMaxDepth)
      return false;
    ++depth_;
    const bool ok = codec<std::remove_cv_t<Value>>::read(*this, v);
    --depth_;
    return ok;
  }

private:
  std::string_view in_;
  int depth_ = 0;
};

/// True when `codec<Value>` exists with both write and read.
template <class Value>
concept Codable = requires(ByteWriter &w, ByteReader &r, const Value &c, Value &m) {
  codec<Value>::write(w, c);
  { codec<Value>::read(r, m) } -> std::same_as<bool>;
};

// ---- scalars ---------------------------------------------------------------

template <> struct codec<bool> {
  static void write(ByteWriter &w, bool v) { w.uint(static_cast<std::uint8_t>(v ? 1 : 0)); }
  static bool read(ByteReader &r, bool &v) {
    std::uint8_t b = 0;
    if (!r.uint(b) || b > 1)
      return false;
    v = b == 1;
    return true;
  }
};

namespace detail {
template <class Value, bool = std::is_enum_v<Value>> struct integer_of { using type = Value; };
template <class Value> struct integer_of<Value, true> { using type = std::underlying_type_t<Value>; };
} // namespace detail

template <class Value>
struct codec<Value, std::enable_if_t<(std::is_integral_v<Value> && !std::is_same_v<Value, bool>) ||
                                 std::is_enum_v<Value>>> {
  using Unsigned = std::make_unsigned_t<typename detail::integer_of<Value>::type>;
  static void write(ByteWriter &w, Value v) { w.uint(static_cast<Unsigned>(v)); }
  static bool read(ByteReader &r, Value &v) {
    Unsigned u = 0;
    if (!r.uint(u))
      return false;
    v = static_cast<Value>(u);
    return true;
  }
};

#if defined(__SIZEOF_INT128__)
/// 128-bit integers, which -std=c++20 (not gnu++20) does not count as
/// integral: the low 64 bits, then the high (adv51 t27: a memoized function
/// of an '__int128' was rewritten into code that did not compile).
namespace detail {
// '__extension__': -pedantic warns on '__int128' itself.
__extension__ typedef __int128 int128;
__extension__ typedef unsigned __int128 uint128;
} // namespace detail
template <class Value> struct int128_codec {
  static void write(ByteWriter &w, Value v) {
    const auto u = static_cast<detail::uint128>(v);
    w.uint(static_cast<std::uint64_t>(u));
    w.uint(static_cast<std::uint64_t>(u >> 64));
  }
  static bool read(ByteReader &r, Value &v) {
    std::uint64_t lo = 0, hi = 0;
    if (!r.uint(lo) || !r.uint(hi))
      return false;
    v = static_cast<Value>((static_cast<detail::uint128>(hi) << 64) | lo);
    return true;
  }
};
template <> struct codec<detail::int128> : int128_codec<detail::int128> {};
template <> struct codec<detail::uint128> : int128_codec<detail::uint128> {};
#endif

template <class Value>
struct codec<Value, std::enable_if_t<std::is_same_v<Value, float> || std::is_same_v<Value, double>>> {
  using Unsigned = std::conditional_t<sizeof(Value) == 4, std::uint32_t, std::uint64_t>;
  // The exact bits: NaNs of another sign or payload are other values (a
  // memoized function may look at them), and -0.0 is not +0.0.
  static void write(ByteWriter &w, Value v) { w.uint(std::bit_cast<Unsigned>(v)); }
  static bool read(ByteReader &r, Value &v) {
    Unsigned u = 0;
    if (!r.uint(u))
      return false;
    v = std::bit_cast<Value>(u);
    return true;
  }
};

namespace detail {
/// The payload of a long double NaN, as kWords 32-bit words, for the formats
/// whose bits purecc knows: x87 80-bit extended (the 64-bit mantissa, explicit
/// integer bit included), IEEE binary128 (the 112-bit fraction) and a long
/// double that is a double, on little-endian targets. Other formats (IBM
/// double-double) write zeros: there, every NaN of one sign is one key.
template <int Words> struct LongDoubleNaNBits {
  static constexpr bool known = std::endian::native == std::endian::little &&
                                ((LDBL_MANT_DIG == 64 && sizeof(long double) >= 10) ||
                                 (LDBL_MANT_DIG == 113 && sizeof(long double) == 16) ||
                                 (LDBL_MANT_DIG == 53 && sizeof(long double) == 8));
  /// The mantissa bits of `v`, least significant word first.
  static std::array<std::uint32_t, Words> payload(long double v) noexcept {
    std::array<std::uint32_t, Words> out{};
    if constexpr (known) {
      unsigned char raw[sizeof(long double)];
      __builtin_memcpy(raw, &v, sizeof v);
      // Mantissa bytes, little-endian: x87 0..7, binary128 0..13, double 0..6
      // (the top nibble of byte 6 belongs to the exponent).
      constexpr std::size_t n = LDBL_MANT_DIG == 64 ? 8 : LDBL_MANT_DIG == 113 ? 14 : 7;
      for (std::size_t i = 0; i < n; ++i) {
        unsigned char b = raw[i];
        if (LDBL_MANT_DIG == 53 && i == 6)
          b &= 0x0F;
        out[i / 4] |= static_cast<std::uint32_t>(b) << (8 * (i % 4));
      }
    }
    return out;
  }
  /// The NaN with this sign and payload, or false if the bits do not make a
  /// NaN (forged input).
  static bool make(bool negative, const std::array<std::uint32_t, Words> &words,
                   long double &v) noexcept {
    if constexpr (known) {
      unsigned char raw[sizeof(long double)] = {};
      constexpr std::size_t n = LDBL_MANT_DIG == 64 ? 8 : LDBL_MANT_DIG == 113 ? 14 : 7;
      for (std::size_t i = 0; i < 4 * Words; ++i) {
        const auto b = static_cast<unsigned char>(words[i / 4] >> (8 * (i % 4)));
        if (i >= n ? b != 0 : LDBL_MANT_DIG == 53 && i == 6 && (b & 0xF0) != 0)
          return false;
        if (i < n)
          raw[i] = b;
      }
      if constexpr (LDBL_MANT_DIG == 64) { // sign + 15-bit exponent in bytes 8..9
        if ((raw[7] & 0x80) == 0) // no integer bit: a pseudo-NaN, which no
          return false;           // arithmetic produces
        raw[8] = 0xFF;
        raw[9] = static_cast<unsigned char>(negative ? 0xFF : 0x7F);
      } else if constexpr (LDBL_MANT_DIG == 113) { // sign + 15-bit exponent in 14..15
        raw[14] = 0xFF;
        raw[15] = static_cast<unsigned char>(negative ? 0xFF : 0x7F);
      } else { // sign + 11-bit exponent in the top 12 bits of bytes 6..7
        raw[6] = static_cast<unsigned char>(raw[6] | 0xF0);
        raw[7] = static_cast<unsigned char>(negative ? 0xFF : 0x7F);
      }
      __builtin_memcpy(&v, raw, sizeof v);
      return __builtin_isnan(v);
    } else {
      for (std::uint32_t w : words)
        if (w != 0)
          return false;
      v = negative ? -std::numeric_limits<long double>::quiet_NaN()
                   : std::numeric_limits<long double>::quiet_NaN();
      return true;
    }
  }
};
} // namespace detail

/// long double has padding bytes with garbage on x86, so it is written by
/// value: class byte (0 finite, 1 inf, 2 nan), sign byte, exponent, then the
/// mantissa in 32-bit words (exact: scaling by 2^32 is exact in binary). A
/// NaN writes exponent 0 and its payload bits as the words. An x87 finite
/// value writes its biased exponent field and its 64-bit mantissa as they
/// are: a pseudo-denormal (exponent field 0, integer bit set) equals the
/// normal number with the same mantissa but has other bits, which a
/// program can read (adv56 t05: two such arguments shared a memo key).
template <> struct codec<long double> {
  static constexpr int kWords = (LDBL_MANT_DIG + 31) / 32;
  /// IEEE binary128 (-mlong-double-128 on x86, aarch64's long double): 16
  /// bytes, no padding, written as they are. The words below would go
  /// through frexpl/ldexpl, which x86's glibc implements for the 80-bit
  /// format only: 1.0L and 1.0L + 1e-25L wrote the same bytes (adv51 t35).
  static constexpr bool kRawBinary128 = LDBL_MANT_DIG == 113 && sizeof(long double) == 16;
  using NaNBits = detail::LongDoubleNaNBits<kWords>;
  /// x87 80-bit extended, whose bytes purecc knows (NaNBits::known).
  static constexpr bool kRawX87 = NaNBits::known && LDBL_MANT_DIG == 64;
  static void write(ByteWriter &w, long double v) {
    if constexpr (kRawBinary128) {
      unsigned char raw[16];
      std::memcpy(raw, &v, sizeof raw);
      w.bytes(raw, sizeof raw);
      return;
    }
    const std::uint8_t cls = __builtin_isnan(v) ? 2 : __builtin_isinf(v) ? 1 : 0;
    w.uint(cls);
    w.uint(static_cast<std::uint8_t>(__builtin_signbit(v) ? 1 : 0));
    if (cls == 2) {
      w.uint(std::uint32_t{0});
      for (std::uint32_t word : NaNBits::payload(v))
        w.uint(word);
      return;
    }
    if constexpr (kRawX87) {
      if (cls == 0) { // mantissa in bytes 0..7, sign + exponent in 8..9
        unsigned char raw[sizeof(long double)];
        __builtin_memcpy(raw, &v, sizeof v);
        w.uint(static_cast<std::uint32_t>(raw[8] | (raw[9] & 0x7F) << 8));
        for (int i = 0; i < 2; ++i)
          w.uint(static_cast<std::uint32_t>(raw[4 * i] | raw[4 * i + 1] << 8 |
                                            raw[4 * i + 2] << 16 |
                                            static_cast<std::uint32_t>(raw[4 * i + 3]) << 24));
        return;
      }
    }
    int exp = 0;
    long double m = cls == 0 ? __builtin_frexpl(__builtin_fabsl(v), &exp) : 0.0L;
    w.uint(static_cast<std::uint32_t>(exp));
    for (int i = 0; i < kWords; ++i) {
      m = __builtin_ldexpl(m, 32);
      const long double word = __builtin_floorl(m);
      w.uint(static_cast<std::uint32_t>(word));
      m -= word;
    }
  }
  static bool read(ByteReader &r, long double &v) {
    if constexpr (kRawBinary128) {
      std::string_view raw;
      if (!r.view(raw, 16))
        return false;
      std::memcpy(&v, raw.data(), 16);
      return true;
    }
    std::uint8_t cls = 0, sign = 0;
    std::uint32_t exp = 0;
    if (!r.uint(cls) || !r.uint(sign) || !r.uint(exp) || cls > 2 || sign > 1)
      return false;
    std::array<std::uint32_t, kWords> words{};
    for (auto &word : words)
      if (!r.uint(word))
        return false;
    if (cls == 2)
      return exp == 0 && NaNBits::make(sign == 1, words, v);
    if constexpr (kRawX87) {
      if (cls == 0) {
        if (exp >= 0x7FFF) // the exponent of an infinity or a NaN: forged
          return false;
        unsigned char raw[sizeof(long double)] = {};
        for (int i = 0; i < 8; ++i)
          raw[i] = static_cast<unsigned char>(words[i / 4] >> (8 * (i % 4)));
        raw[8] = static_cast<unsigned char>(exp);
        raw[9] = static_cast<unsigned char>(exp >> 8 | (sign ? 0x80 : 0));
        __builtin_memcpy(&v, raw, sizeof v);
        return !__builtin_isnan(v) && !__builtin_isinf(v);
      }
    }
    long double m = 0.0L;
    for (int i = 0; i < kWords; ++i)
      m += __builtin_ldexpl(static_cast<long double>(words[i]), -32 * (i + 1));
    v = cls == 1 ? std::numeric_limits<long double>::infinity()
                 : __builtin_ldexpl(m, static_cast<int>(exp));
    if (sign)
      v = -v;
    return true;
  }
};

namespace detail {
/// Whether a run of Values is its own canonical encoding: on a
/// little-endian target, an integer (not bool), an enumeration, a float or
/// a double is written as its own bytes (the codecs above), so a vector or
/// array of them is written and read with one copy instead of one call per
/// element (a 2 GiB argument took ~51 s element by element: adv60 t18).
template <class Value>
inline constexpr bool raw_run = std::endian::native == std::endian::little &&
                                ((std::is_integral_v<Value> && !std::is_same_v<Value, bool>) ||
                                 std::is_enum_v<Value> || std::is_same_v<Value, float> ||
                                 std::is_same_v<Value, double>);
} // namespace detail

// ---- strings and sequences -------------------------------------------------

template <> struct codec<std::string> {
  static void write(ByteWriter &w, const std::string &s) {
    w.count(s.size());
    w.bytes(s.data(), s.size());
  }
  static bool read(ByteReader &r, std::string &s) {
    std::size_t n = 0;
    std::string_view v;
    if (!r.count(n) || !r.view(v, n))
      return false;
    s.assign(v);
    return true;
  }
};

/// Write-only: lets `std::string_view` arguments key a memo call (same bytes
/// as std::string). A string_view cannot be a result.
template <> struct codec<std::string_view> {
  static void write(ByteWriter &w, std::string_view s) {
    w.count(s.size());
    w.bytes(s.data(), s.size());
  }
};

template <class Value, class Alloc> struct codec<std::vector<Value, Alloc>> {
  static void write(ByteWriter &w, const std::vector<Value, Alloc> &v) {
    w.count(v.size());
    if constexpr (detail::raw_run<Value>) {
      w.bytes(v.data(), v.size() * sizeof(Value));
    } else {
      for (const auto &e : v)
        w.write(static_cast<const Value &>(e));
    }
  }
  static bool read(ByteReader &r, std::vector<Value, Alloc> &v) {
    std::size_t n = 0;
    if (!r.count(n))
      return false;
    v.clear();
    if constexpr (detail::raw_run<Value>) {
      if (n > r.remaining() / sizeof(Value))
        return false;
      v.resize(n);
      return r.bytes(v.data(), n * sizeof(Value));
    } else {
      v.reserve(n);
      for (std::size_t i = 0; i < n; ++i) {
        Value e{};
        if (!r.read(e))
          return false;
        v.push_back(std::move(e));
      }
      return true;
    }
  }
};

template <class Value, std::size_t Count> struct codec<std::array<Value, Count>> {
  static void write(ByteWriter &w, const std::array<Value, Count> &a) {
    if constexpr (detail::raw_run<Value>) {
      w.bytes(a.data(), Count * sizeof(Value));
    } else {
      for (const auto &e : a)
        w.write(e);
    }
  }
  static bool read(ByteReader &r, std::array<Value, Count> &a) {
    if constexpr (detail::raw_run<Value>) {
      return r.bytes(a.data(), Count * sizeof(Value));
    } else {
      for (auto &e : a)
        if (!r.read(e))
          return false;
      return true;
    }
  }
};

// ---- products and sums -----------------------------------------------------

template <class First, class Second> struct codec<std::pair<First, Second>> {
  static void write(ByteWriter &w, const std::pair<First, Second> &p) {
    w.write(p.first);
    w.write(p.second);
  }
  static bool read(ByteReader &r, std::pair<First, Second> &p) {
    // Map keys arrive as `const First`; read through a mutable alias.
    return r.read(const_cast<std::remove_const_t<First> &>(p.first)) && r.read(p.second);
  }
};

template <class... Ts> struct codec<std::tuple<Ts...>> {
  static void write(ByteWriter &w, const std::tuple<Ts...> &t) {
    std::apply([&](const auto &...e) { (w.write(e), ...); }, t);
  }
  static bool read(ByteReader &r, std::tuple<Ts...> &t) {
    return std::apply([&](auto &...e) { return (r.read(e) && ...); }, t);
  }
};

template <class Value> struct codec<std::optional<Value>> {
  static void write(ByteWriter &w, const std::optional<Value> &o) {
    w.write(o.has_value());
    if (o)
      w.write(*o);
  }
  static bool read(ByteReader &r, std::optional<Value> &o) {
    bool has = false;
    if (!r.read(has))
      return false;
    if (!has) {
      o.reset();
      return true;
    }
    return r.read(o.emplace());
  }
};

template <> struct codec<std::monostate> {
  static void write(ByteWriter &, std::monostate) {}
  static bool read(ByteReader &, std::monostate &) { return true; }
};

template <class... Ts> struct codec<std::variant<Ts...>> {
  static void write(ByteWriter &w, const std::variant<Ts...> &v) {
    w.uint(static_cast<std::uint32_t>(v.index()));
    std::visit([&](const auto &e) { w.write(e); }, v);
  }
  static bool read(ByteReader &r, std::variant<Ts...> &v) {
    std::uint32_t index = 0;
    if (!r.uint(index) || index >= sizeof...(Ts))
      return false;
    return read_alternative(r, v, index, std::index_sequence_for<Ts...>{});
  }

private:
  template <std::size_t... Indices>
  static bool read_alternative(ByteReader &r, std::variant<Ts...> &v, std::uint32_t index,
                               std::index_sequence<Indices...>) {
    bool ok = false;
    ((index == Indices ? (ok = r.read(v.template emplace<Indices>()), true) : false) || ...);
    return ok;
  }
};

// ---- associative containers ------------------------------------------------

namespace detail {
/// Ordered containers iterate in comparator order: already canonical.
template <class Container> struct ordered_codec {
  static void write(ByteWriter &w, const Container &c) {
    w.count(c.size());
    for (const auto &e : c)
      w.write(e);
  }
  static bool read(ByteReader &r, Container &c) {
    std::size_t n = 0;
    if (!r.count(n))
      return false;
    c.clear();
    for (std::size_t i = 0; i < n; ++i) {
      std::remove_const_t<typename Container::value_type> e{};
      if (!r.read(e))
        return false;
      c.insert(c.end(), std::move(e));
    }
    return true;
  }
};

/// Hash containers: count + elements in iteration order. That order depends
/// on how the container was built (insertions, bucket count), and a program
/// can observe it (`for (long x : s) h = h * 31 + x`), so two equal
/// containers that iterate differently get different bytes: as memo keys
/// they are two calls, never one call's answer for the other (adv32 t01).
/// Reading inserts the elements in that order, which need not rebuild it:
/// purecc memoizes no function returning one and sends none to other ranks
/// (transforms/Memoize.cpp, a write-only codec there).
template <class Container> struct unordered_codec {
  static void write(ByteWriter &w, const Container &c) { ordered_codec<Container>::write(w, c); }
  static bool read(ByteReader &r, Container &c) { return ordered_codec<Container>::read(r, c); }
};
} // namespace detail

template <class Key, class Mapped, class Compare, class Alloc>
struct codec<std::map<Key, Mapped, Compare, Alloc>> : detail::ordered_codec<std::map<Key, Mapped, Compare, Alloc>> {};
template <class Key, class Compare, class Alloc>
struct codec<std::set<Key, Compare, Alloc>> : detail::ordered_codec<std::set<Key, Compare, Alloc>> {};
template <class Key, class Mapped, class Hash, class Equal, class Alloc>
struct codec<std::unordered_map<Key, Mapped, Hash, Equal, Alloc>>
    : detail::unordered_codec<std::unordered_map<Key, Mapped, Hash, Equal, Alloc>> {};
template <class Key, class Hash, class Equal, class Alloc>
struct codec<std::unordered_set<Key, Hash, Equal, Alloc>>
    : detail::unordered_codec<std::unordered_set<Key, Hash, Equal, Alloc>> {};

// ---- user aggregates -------------------------------------------------------

namespace detail {
template <class MemberPtr> struct member_class;
template <class Class, class Member> struct member_class<Member Class::*> { using type = Class; };
} // namespace detail

/// A codec for a class made of its listed data members, in order:
///   struct Point { double x, y; };
///   template <> struct purecc::codec<Point> : purecc::fields<&Point::x, &Point::y> {};
/// purecc's code generator emits exactly this for aggregates used as memo
/// arguments or results; hand-written classes may do the same or write a
/// full codec (write + read) by hand.
template <auto First, auto... Rest> struct fields {
  using Class = typename detail::member_class<decltype(First)>::type;
  static void write(ByteWriter &w, const Class &v) {
    w.write(v.*First);
    (w.write(v.*Rest), ...);
  }
  static bool read(ByteReader &r, Class &v) { return r.read(v.*First) && (r.read(v.*Rest) && ...); }
};

// ---- whole values ----------------------------------------------------------

/// The canonical bytes of `v`.
template <class Value> std::string to_bytes(const Value &v) {
  std::string out;
  ByteWriter w(out);
  w.write(v);
  return out;
}

/// Decodes a whole value; nullopt if the bytes are malformed or have
/// trailing garbage. Value must be default-constructible.
template <class Value> std::optional<Value> from_bytes(std::string_view bytes) {
  ByteReader r(bytes);
  std::optional<Value> v(std::in_place);
  if (!r.read(*v) || !r.at_end())
    return std::nullopt;
  return v;
}

} // namespace purecc
