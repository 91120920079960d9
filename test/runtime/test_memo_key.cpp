// Memo keys (purecc/memo_key.h): derived exactly from the documented
// algorithm, equal for equal calls, different for different calls.
#include "purecc/memo_key.h"
#include "purecc/version.h"

#include <gtest/gtest.h>

#include <bit>
#include <limits>
#include <set>

namespace {

const purecc::Hash128 kFn{0x0123456789abcdefULL, 0xfedcba9876543210ULL};
const purecc::Hash128 kNs = purecc::compiler_namespace();

TEST(MemoKey, IsXxh3OfFingerprintNamespaceAndArgumentBytes) {
  std::string expected_input;
  purecc::ByteWriter w(expected_input);
  for (std::uint64_t part : {kFn.hi, kFn.lo, kNs.hi, kNs.lo})
    w.uint(part);
  expected_input += purecc::to_bytes(7) + purecc::to_bytes(std::string("seven"));
  EXPECT_EQ(purecc::make_memo_key(kFn, kNs, 7, std::string("seven")),
            purecc::xxh3_128(expected_input));
}

TEST(MemoKey, EqualCallsGiveEqualKeys) {
  const std::vector<double> v{1.5, 2.5};
  EXPECT_EQ(purecc::make_memo_key(kFn, kNs, v, 3), purecc::make_memo_key(kFn, kNs, v, 3));
  EXPECT_EQ(purecc::make_memo_key(kFn, kNs, std::string_view("abc")),
            purecc::make_memo_key(kFn, kNs, std::string("abc")));
}

TEST(MemoKey, EveryPartChangesTheKey) {
  std::set<std::pair<std::uint64_t, std::uint64_t>> seen;
  auto add = [&](const purecc::MemoKey &k) { return seen.insert({k.hi, k.lo}).second; };
  EXPECT_TRUE(add(purecc::make_memo_key(kFn, kNs, 1)));
  EXPECT_TRUE(add(purecc::make_memo_key(kFn, kNs, 2)));                     // argument
  EXPECT_TRUE(add(purecc::make_memo_key(purecc::Hash128{1, 2}, kNs, 1)));   // function
  EXPECT_TRUE(add(purecc::make_memo_key(kFn, purecc::memo_namespace("other compiler"), 1)));
  EXPECT_TRUE(add(purecc::make_memo_key(kFn, kNs, 0.0)));
  EXPECT_TRUE(add(purecc::make_memo_key(kFn, kNs, -0.0)));                  // signed zero
  EXPECT_TRUE(add(purecc::make_memo_key(kFn, kNs, 1, 2)));
  EXPECT_TRUE(add(purecc::make_memo_key(kFn, kNs, 2, 1)));                  // argument order
  EXPECT_TRUE(add(purecc::make_memo_key(kFn, kNs)));                        // no arguments
}

// f(+NaN), f(-NaN) and NaNs with other payloads are different calls: a
// memoized function may look at signbit or the payload (issue 12, item 7).
TEST(MemoKey, NaNArgumentsAreKeyedByTheirBits) {
  std::set<std::pair<std::uint64_t, std::uint64_t>> seen;
  auto add = [&](const purecc::MemoKey &k) { return seen.insert({k.hi, k.lo}).second; };
  const double q = std::numeric_limits<double>::quiet_NaN();
  EXPECT_TRUE(add(purecc::make_memo_key(kFn, kNs, q)));
  EXPECT_TRUE(add(purecc::make_memo_key(kFn, kNs, -q)));
  EXPECT_TRUE(add(purecc::make_memo_key(kFn, kNs, std::bit_cast<double>(std::uint64_t{0x7ff8000000000001}))));
  EXPECT_TRUE(add(purecc::make_memo_key(kFn, kNs, std::numeric_limits<double>::signaling_NaN())));
  EXPECT_TRUE(add(purecc::make_memo_key(kFn, kNs, std::numeric_limits<float>::quiet_NaN())));
  EXPECT_TRUE(add(purecc::make_memo_key(kFn, kNs, -std::numeric_limits<float>::quiet_NaN())));
  EXPECT_TRUE(add(purecc::make_memo_key(kFn, kNs, std::numeric_limits<long double>::quiet_NaN())));
  EXPECT_TRUE(add(purecc::make_memo_key(kFn, kNs, -std::numeric_limits<long double>::quiet_NaN())));
  EXPECT_TRUE(add(purecc::make_memo_key(kFn, kNs, 0.0L)));
  EXPECT_TRUE(add(purecc::make_memo_key(kFn, kNs, -0.0L)));
  EXPECT_TRUE(add(purecc::make_memo_key(kFn, kNs, 0.0f)));
  EXPECT_TRUE(add(purecc::make_memo_key(kFn, kNs, -0.0f)));
  // The same NaN twice is one key.
  EXPECT_FALSE(add(purecc::make_memo_key(kFn, kNs, -q)));
}

TEST(MemoKey, NamespaceNamesVersionCompilerAndAbi) {
  const std::string text = purecc::memo_namespace_text("gcc 12.2.0");
  EXPECT_EQ(text.rfind(std::string("purecc ") + purecc::runtime_version() + ";", 0), 0u) << text;
  EXPECT_NE(text.find("; compiler gcc 12.2.0;"), std::string::npos) << text;
  EXPECT_NE(text.find("; abi "), std::string::npos) << text;
  // A new key format (issue 12: exact float bits) reads no old entry.
  EXPECT_NE(text.find("; keys 3;"), std::string::npos) << text;
  EXPECT_EQ(purecc::memo_namespace("gcc 12.2.0"), purecc::xxh3_128(text));
  EXPECT_NE(purecc::memo_namespace("gcc 12.2.0"), purecc::memo_namespace("clang 19.1.0"));
  EXPECT_EQ(kNs, purecc::memo_namespace(purecc::compiler_id()));
}

TEST(MemoKey, HexIsHiThenLo) {
  EXPECT_EQ((purecc::Hash128{0x1ULL, 0xabULL}.hex()), "000000000000000100000000000000ab");
}

} // namespace
