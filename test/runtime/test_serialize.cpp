// Canonical serialization (purecc/serialize.h): round trips for every
// supported type, the canonical forms the memo key relies on, and clean
// failure on malformed bytes.
#include "purecc/serialize.h"

#include <gtest/gtest.h>

#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace {

struct Point {
  double x = 0, y = 0;
  friend bool operator==(const Point &, const Point &) = default;
};
struct Shape {
  std::string name;
  std::vector<Point> outline;
  std::optional<int> layer;
  friend bool operator==(const Shape &, const Shape &) = default;
};
enum class Color : std::uint8_t { red = 1, green = 2 };
struct Tree {
  std::vector<Tree> kids;
  friend bool operator==(const Tree &, const Tree &) = default;
};

} // namespace

template <> struct purecc::codec<Point> : purecc::fields<&Point::x, &Point::y> {};
template <> struct purecc::codec<Shape>
    : purecc::fields<&Shape::name, &Shape::outline, &Shape::layer> {};
template <> struct purecc::codec<Tree> : purecc::fields<&Tree::kids> {};

namespace {

template <class T> void expect_round_trip(const T &v) {
  const std::string bytes = purecc::to_bytes(v);
  const std::optional<T> back = purecc::from_bytes<T>(bytes);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(*back, v);
  EXPECT_EQ(purecc::to_bytes(*back), bytes) << "re-encoding must give the same bytes";
}

std::string hex(const std::string &bytes) {
  std::string out;
  char buf[4];
  for (unsigned char c : bytes) {
    std::snprintf(buf, sizeof buf, "%02x", c);
    out += buf;
  }
  return out;
}

TEST(Serialize, ScalarsRoundTrip) {
  expect_round_trip(true);
  expect_round_trip(false);
  expect_round_trip('x');
  expect_round_trip(static_cast<signed char>(-5));
  expect_round_trip(std::numeric_limits<int>::min());
  expect_round_trip(std::numeric_limits<std::uint64_t>::max());
  expect_round_trip(static_cast<short>(-1234));
  expect_round_trip(Color::green);
  expect_round_trip(3.25f);
  expect_round_trip(-1e300);
  expect_round_trip(std::numeric_limits<double>::denorm_min());
  expect_round_trip(std::numeric_limits<double>::infinity());
  expect_round_trip(1.0L / 3.0L);
  expect_round_trip(-std::numeric_limits<long double>::max());
  expect_round_trip(std::numeric_limits<long double>::denorm_min());
  expect_round_trip(-std::numeric_limits<long double>::infinity());
}

TEST(Serialize, IntegersAreFixedWidthLittleEndian) {
  EXPECT_EQ(hex(purecc::to_bytes(std::int32_t{0x01020304})), "04030201");
  EXPECT_EQ(hex(purecc::to_bytes(std::int16_t{-2})), "feff");
  EXPECT_EQ(hex(purecc::to_bytes(true)), "01");
  EXPECT_EQ(hex(purecc::to_bytes(Color::red)), "01");
  EXPECT_EQ(hex(purecc::to_bytes(std::string("ab"))), "02000000000000006162");
}

// Vectors and arrays of integers, enumerations, floats and doubles are
// copied as one run of bytes: the same bytes, element by element, as the
// scalars' own codecs write (memo keys and task arguments keep their bytes).
TEST(Serialize, RunsOfScalarsAreTheirElementsBytes) {
  auto each = [](const auto &seq) {
    std::string out;
    purecc::ByteWriter w(out);
    w.count(seq.size());
    for (const auto &e : seq)
      w.write(e);
    return out;
  };
  const std::vector<std::int64_t> longs = {1, -2, std::numeric_limits<std::int64_t>::min()};
  EXPECT_EQ(hex(purecc::to_bytes(longs)), "0300000000000000"
                                          "0100000000000000"
                                          "feffffffffffffff"
                                          "0000000000000080");
  const std::vector<double> doubles = {-0.0, std::numeric_limits<double>::infinity(),
                                       std::bit_cast<double>(std::uint64_t{0xfff8000000000123})};
  EXPECT_EQ(purecc::to_bytes(doubles), each(doubles));
  const std::optional<std::vector<double>> back = purecc::from_bytes<std::vector<double>>(each(doubles));
  ASSERT_TRUE(back);
  for (std::size_t i = 0; i < doubles.size(); ++i)
    EXPECT_EQ(std::bit_cast<std::uint64_t>((*back)[i]), std::bit_cast<std::uint64_t>(doubles[i]));
  const std::vector<Color> colors = {Color::red, Color::red};
  EXPECT_EQ(purecc::to_bytes(colors), each(colors));
  const std::vector<std::uint16_t> shorts = {0x0102, 0xfffe};
  EXPECT_EQ(hex(purecc::to_bytes(shorts)), "02000000000000000201feff");
  const std::array<float, 2> floats = {1.5f, -0.0f};
  EXPECT_EQ(hex(purecc::to_bytes(floats)), "0000c03f00000080");
  expect_round_trip(std::array<std::int32_t, 3>{7, -8, 9});
  expect_round_trip(std::vector<std::uint8_t>{0, 255});
  // A count that the bytes left cannot hold is malformed, not read past.
  std::string short_run = purecc::to_bytes(std::uint64_t{3}) + std::string(16, '\0');
  EXPECT_FALSE(purecc::from_bytes<std::vector<std::int64_t>>(short_run));
  EXPECT_TRUE(purecc::from_bytes<std::vector<std::int64_t>>(short_run + std::string(8, '\0')));
  EXPECT_FALSE((purecc::from_bytes<std::array<std::int64_t, 3>>(std::string(23, '\0'))));
}

TEST(Serialize, SignedZerosAreDistinct) {
  EXPECT_NE(purecc::to_bytes(0.0), purecc::to_bytes(-0.0));
  EXPECT_NE(purecc::to_bytes(0.0f), purecc::to_bytes(-0.0f));
  EXPECT_NE(purecc::to_bytes(0.0L), purecc::to_bytes(-0.0L));
  const auto back = purecc::from_bytes<double>(purecc::to_bytes(-0.0));
  ASSERT_TRUE(back);
  EXPECT_TRUE(std::signbit(*back));
}

template <class T, class U> T from_bits(U bits) { return std::bit_cast<T>(bits); }
template <class T> auto bits_of(T v) {
  return std::bit_cast<std::conditional_t<sizeof(T) == 4, std::uint32_t, std::uint64_t>>(v);
}

// A memoized function may look at a NaN's sign or payload: every NaN keeps
// its own bytes, and reads back bit for bit.
TEST(Serialize, NaNsKeepTheirSignAndPayload) {
  const double quiet = std::numeric_limits<double>::quiet_NaN();
  const std::vector<double> nans = {quiet, -quiet, from_bits<double>(std::uint64_t{0x7ff0000000000123}),
                                    from_bits<double>(std::uint64_t{0xfff8000000000001}),
                                    std::numeric_limits<double>::signaling_NaN()};
  std::set<std::string> encodings;
  for (double v : nans) {
    ASSERT_TRUE(std::isnan(v));
    const std::string bytes = purecc::to_bytes(v);
    EXPECT_TRUE(encodings.insert(bytes).second) << std::hex << bits_of(v);
    const std::optional<double> back = purecc::from_bytes<double>(bytes);
    ASSERT_TRUE(back);
    EXPECT_EQ(bits_of(*back), bits_of(v));
  }
  EXPECT_EQ(hex(purecc::to_bytes(-quiet)), "000000000000f8ff");
  const float fq = std::numeric_limits<float>::quiet_NaN();
  EXPECT_NE(purecc::to_bytes(-fq), purecc::to_bytes(fq));
  EXPECT_NE(purecc::to_bytes(from_bits<float>(std::uint32_t{0x7fc00001})), purecc::to_bytes(fq));
  EXPECT_EQ(bits_of(*purecc::from_bytes<float>(purecc::to_bytes(-fq))), bits_of(-fq));
}

TEST(Serialize, LongDoubleNaNsKeepTheirSignAndPayload) {
  const long double quiet = std::numeric_limits<long double>::quiet_NaN();
  long double payload = quiet;
  if constexpr (LDBL_MANT_DIG == 64) { // x87: the mantissa is the low 8 bytes
    unsigned char raw[sizeof(long double)];
    std::memcpy(raw, &quiet, sizeof quiet);
    raw[0] = 0x5A;
    std::memcpy(&payload, raw, sizeof payload);
  }
  ASSERT_TRUE(std::isnan(payload));
  std::set<std::string> encodings;
  for (long double v : {quiet, -quiet, payload, -payload}) {
    const std::string bytes = purecc::to_bytes(v);
    EXPECT_TRUE(encodings.insert(bytes).second);
    const std::optional<long double> back = purecc::from_bytes<long double>(bytes);
    ASSERT_TRUE(back);
    EXPECT_TRUE(std::isnan(*back));
    EXPECT_EQ(std::signbit(*back), std::signbit(v));
    EXPECT_EQ(purecc::to_bytes(*back), bytes) << "the payload survives a round trip";
  }
  if constexpr (LDBL_MANT_DIG == 64) {
    EXPECT_EQ(encodings.size(), 4u);
  }
}

TEST(Serialize, ForgedLongDoubleNaNIsRejected) {
  // Class 2 (NaN) with a non-zero exponent word, and with payload words that
  // make no NaN (a zero mantissa is an infinity on x87).
  std::string bytes = purecc::to_bytes(std::numeric_limits<long double>::quiet_NaN());
  std::string bad_exp = bytes;
  bad_exp[2] = 1;
  EXPECT_FALSE(purecc::from_bytes<long double>(bad_exp));
  if constexpr (LDBL_MANT_DIG == 64) {
    std::string zero_payload = bytes;
    std::fill(zero_payload.begin() + 6, zero_payload.end(), '\0');
    EXPECT_FALSE(purecc::from_bytes<long double>(zero_payload));
  }
}

TEST(Serialize, LongDoublePseudoDenormalIsNotTheEqualNormal) {
  // adv56 t05: on x87 the pseudo-denormal (exponent field 0, integer bit
  // set) compares equal to the normal 2^-16382 with the same mantissa, but
  // a program that reads the exponent field tells them apart: two keys.
  if constexpr (LDBL_MANT_DIG == 64 && sizeof(long double) >= 10) {
    unsigned char raw[sizeof(long double)] = {};
    raw[7] = 0x80; // the integer bit
    raw[0] = 0x01;
    long double pseudo = 0, normal = 0;
    std::memcpy(&pseudo, raw, sizeof raw);
    raw[8] = 0x01; // exponent field 1
    std::memcpy(&normal, raw, sizeof raw);
    ASSERT_EQ(pseudo, normal);
    EXPECT_NE(purecc::to_bytes(pseudo), purecc::to_bytes(normal));
    for (long double v : {pseudo, normal, -pseudo}) {
      const std::optional<long double> back = purecc::from_bytes<long double>(purecc::to_bytes(v));
      ASSERT_TRUE(back);
      EXPECT_EQ(std::memcmp(&*back, &v, 10), 0) << "every significant byte survives";
    }
    // A finite value whose exponent field is an infinity's is forged.
    std::string bytes = purecc::to_bytes(2.0L);
    bytes[2] = '\xff';
    bytes[3] = '\x7f';
    EXPECT_FALSE(purecc::from_bytes<long double>(bytes));
  } else {
    GTEST_SKIP() << "long double is not x87's 80-bit format here";
  }
}

TEST(Serialize, LongDoubleIgnoresPaddingBytes) {
  // x87 long double has 6 padding bytes; equal values must encode equally
  // whatever those bytes hold.
  long double a = 0, b = 0;
  std::memset(&a, 0x00, sizeof a);
  std::memset(&b, 0xAB, sizeof b);
  a = 2.5L;
  b = 2.5L;
  EXPECT_EQ(purecc::to_bytes(a), purecc::to_bytes(b));
}

TEST(Serialize, ContainersRoundTrip) {
  expect_round_trip(std::string());
  expect_round_trip(std::string("hello\0world", 11));
  expect_round_trip(std::vector<int>{1, 2, 3});
  expect_round_trip(std::vector<bool>{true, false, true});
  expect_round_trip(std::array<double, 3>{1.5, -0.0, 7});
  expect_round_trip(std::pair<int, std::string>{4, "four"});
  expect_round_trip(std::tuple<int, char, std::vector<std::string>>{1, 'c', {"a", "b"}});
  expect_round_trip(std::optional<std::string>{});
  expect_round_trip(std::optional<std::string>{"x"});
  expect_round_trip(std::map<std::string, std::vector<int>>{{"a", {1}}, {"b", {}}});
  expect_round_trip(std::set<long>{5, -3, 9});
  expect_round_trip(std::variant<int, std::string>{std::string("v")});
  expect_round_trip(std::variant<std::monostate, int>{});
}

TEST(Serialize, NestedUserAggregatesRoundTrip) {
  const Shape s{"square", {{0, 0}, {1, 0}, {1, 1}, {0, 1}}, 3};
  expect_round_trip(s);
  expect_round_trip(std::map<int, std::vector<std::optional<Shape>>>{{1, {s, std::nullopt}}});
  // fields<> writes the members in order, nothing else.
  EXPECT_EQ(purecc::to_bytes(Point{1, 2}), purecc::to_bytes(1.0) + purecc::to_bytes(2.0));
}

TEST(Serialize, UnorderedContainersKeepIterationOrder) {
  // 1, 14 and 27 share a bucket of 13: inserted in opposite orders, two
  // equal sets iterate in opposite orders, which a memoized function can
  // observe, so they are two keys (adv32 t01).
  std::unordered_set<long> a(13), b(13);
  for (long x : {1L, 14L, 27L})
    a.insert(x);
  for (long x : {27L, 14L, 1L})
    b.insert(x);
  ASSERT_EQ(a, b);
  std::vector<long> order_a(a.begin(), a.end()), order_b(b.begin(), b.end());
  ASSERT_NE(order_a, order_b) << "the standard library no longer orders a bucket by insertion";
  EXPECT_EQ(purecc::to_bytes(a), purecc::to_bytes(order_a));
  EXPECT_EQ(purecc::to_bytes(b), purecc::to_bytes(order_b));
  EXPECT_NE(purecc::to_bytes(a), purecc::to_bytes(b));
  // The same insertions into the same bucket count: the same order, one key.
  std::unordered_set<long> again(13);
  for (long x : {1L, 14L, 27L})
    again.insert(x);
  EXPECT_EQ(purecc::to_bytes(again), purecc::to_bytes(a));
  // A map writes its pairs in iteration order too; reading gives an equal map.
  std::unordered_map<std::string, int> m;
  for (int i = 0; i < 50; ++i)
    m[std::to_string(i)] = i;
  std::vector<std::pair<std::string, int>> pairs(m.begin(), m.end());
  const std::string bytes = purecc::to_bytes(m);
  EXPECT_EQ(bytes, purecc::to_bytes(pairs));
  std::optional<std::unordered_map<std::string, int>> back =
      purecc::from_bytes<std::unordered_map<std::string, int>>(bytes);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(*back, m);
}

TEST(Serialize, DifferentValuesGiveDifferentBytes) {
  // Length prefixes keep concatenations apart: ("ab","c") vs ("a","bc").
  using P = std::pair<std::string, std::string>;
  EXPECT_NE(purecc::to_bytes(P{"ab", "c"}), purecc::to_bytes(P{"a", "bc"}));
  EXPECT_NE(purecc::to_bytes(std::vector<int>{}), purecc::to_bytes(std::vector<int>{0}));
  EXPECT_NE(purecc::to_bytes(std::optional<int>{}), purecc::to_bytes(std::optional<int>{0}));
}

TEST(Serialize, EveryTruncationFailsCleanly) {
  const Shape s{"tri", {{0, 0}, {1, 0}, {0, 1}}, std::nullopt};
  const std::string bytes = purecc::to_bytes(std::map<int, Shape>{{1, s}, {2, s}});
  for (std::size_t n = 0; n < bytes.size(); ++n)
    EXPECT_FALSE((purecc::from_bytes<std::map<int, Shape>>(bytes.substr(0, n)))) << "prefix " << n;
  EXPECT_FALSE((purecc::from_bytes<std::map<int, Shape>>(bytes + "x"))) << "trailing byte";
}

TEST(Serialize, MalformedValuesAreRejected) {
  EXPECT_FALSE(purecc::from_bytes<bool>(std::string("\x02", 1)));
  EXPECT_FALSE(purecc::from_bytes<std::optional<int>>(std::string("\x07\0\0\0\0", 5)));
  // A count far beyond the input must not allocate or loop.
  std::string huge = purecc::to_bytes(std::uint64_t{1} << 60);
  EXPECT_FALSE(purecc::from_bytes<std::vector<int>>(huge));
  EXPECT_FALSE(purecc::from_bytes<std::string>(huge));
  EXPECT_FALSE((purecc::from_bytes<std::variant<int, char>>(purecc::to_bytes(std::uint32_t{2}))));
}

TEST(Serialize, DeepNestingIsRejectedNotOverflowed) {
  // A forged Tree nested 100000 levels deep (each level "1 child"): the
  // reader's depth guard answers "malformed" instead of exhausting the stack.
  std::string forged;
  for (int i = 0; i < 100000; ++i)
    forged += purecc::to_bytes(std::uint64_t{1});
  EXPECT_FALSE(purecc::from_bytes<Tree>(forged));
  // Honest nesting well inside the limit still round-trips.
  Tree t;
  Tree *leaf = &t;
  for (int i = 0; i < 100; ++i)
    leaf = &leaf->kids.emplace_back();
  expect_round_trip(t);
}

TEST(Serialize, MutatedEncodingsNeverCrash) {
  // Random byte flips of a valid encoding: flips inside doubles still decode,
  // flips inside counts, flags and tags must be rejected — never a crash,
  // hang or huge allocation (run under ASan/UBSan in CI for the full check).
  using T = std::map<std::string, std::vector<std::optional<Shape>>>;
  const Shape s{"tri", {{0, 0}, {1, 0}, {0, 1}}, 2};
  const std::string valid = purecc::to_bytes(T{{"a", {s, std::nullopt}}, {"b", {}}});
  std::mt19937_64 rng(42);
  int accepted = 0, rejected = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string bytes = valid;
    for (int flips = 1 + static_cast<int>(rng() % 3); flips > 0; --flips)
      bytes[rng() % bytes.size()] ^= static_cast<char>(1u << (rng() % 8));
    (purecc::from_bytes<T>(bytes) ? accepted : rejected) += 1;
  }
  EXPECT_GT(accepted, 0);
  EXPECT_GT(rejected, 0);
}

} // namespace
