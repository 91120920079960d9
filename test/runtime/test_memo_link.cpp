// Completing memo fingerprints from the linked program (purecc/memo_link.h):
// a change anywhere a memoized function reaches changes its fingerprint,
// cycles terminate, symbols no record defines stand for their module, and a
// site completes its fingerprint once.
#include "purecc/memo_link.h"
#include "purecc/memo_site.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <string>
#include <vector>

namespace {

const purecc::Hash128 kLocal{0x1111ULL, 0x2222ULL};

std::string library(const std::string &symbol, const void *) { return "lib-of " + symbol; }

purecc::LinkedProgram program(std::vector<purecc::LinkRecord> records,
                              purecc::LinkedProgram::Identity id = library) {
  return purecc::LinkedProgram(std::move(records), std::move(id));
}

TEST(MemoLink, ParsesRecordsAndSkipsMalformedLines) {
  std::vector<purecc::LinkRecord> out;
  const std::size_t skipped = purecc::parse_link_records(
      "_Z6kerneld 0123456789abcdef00000000000000ff _Z4biasd @program\n"
      "too-short 12\n"
      "_Z4biasd 0000000000000001000000000000000X\n"
      "\n"
      "_Z4biasd fedcba98765432100123456789abcdef\n",
      out);
  EXPECT_EQ(skipped, 2u);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].symbol, "_Z6kerneld");
  EXPECT_EQ(out[0].local, (purecc::Hash128{0x0123456789abcdefULL, 0xffULL}));
  EXPECT_EQ(out[0].external, (std::vector<std::string>{"_Z4biasd", "@program"}));
  EXPECT_EQ(out[1].symbol, "_Z4biasd");
  EXPECT_TRUE(out[1].external.empty());
}

// The compiler that built a unit is part of each of its fingerprints: the
// same tokens built by g++ and by clang++ may compute other bits (adv95 F1).
TEST(MemoLink, TheUnitsCompilerIsInItsFingerprints) {
  const char *records = "_Z6kerneld 0123456789abcdef00000000000000ff\n";
  std::vector<purecc::LinkRecord> plain, gcc, clang, gcc_again;
  purecc::parse_link_records(records, plain);
  purecc::parse_link_records(std::string(records) + "@unit 12.2.0\n", gcc);
  purecc::parse_link_records(std::string(records) + "@unit Debian Clang 19.1.7\n", clang);
  purecc::parse_link_records(std::string(records) + "@unit 12.2.0\n", gcc_again);
  ASSERT_EQ(gcc.size(), 1u) << "the unit line is no record";
  ASSERT_EQ(clang.size(), 1u);
  EXPECT_EQ(gcc[0].symbol, "_Z6kerneld");
  EXPECT_NE(gcc[0].local, plain[0].local);
  EXPECT_NE(gcc[0].local, clang[0].local);
  EXPECT_EQ(gcc[0].local, gcc_again[0].local);
}

TEST(MemoLink, NothingLinkedIsTheLocalFingerprint) {
  EXPECT_EQ(program({}).complete(kLocal, ""), kLocal);
  EXPECT_EQ(program({}).complete(kLocal, "   "), kLocal);
}

// main.cpp's integral -> kernel (kernel.cpp) -> bias (bias.cpp): an edit in
// either file changes integral's fingerprint.
TEST(MemoLink, AChangeAnywhereDownTheCallsChangesTheFingerprint) {
  auto fp = [](std::uint64_t kernel, std::uint64_t bias) {
    return program({{"_Z6kerneld", {kernel, 0}, {"_Z4biasd"}}, {"_Z4biasd", {bias, 0}, {}}})
        .complete(kLocal, "_Z6kerneld");
  };
  const purecc::Hash128 base = fp(1, 2);
  EXPECT_NE(base, kLocal);
  EXPECT_EQ(fp(1, 2), base) << "deterministic";
  EXPECT_NE(fp(3, 2), base) << "kernel.cpp edited";
  EXPECT_NE(fp(1, 3), base) << "bias.cpp edited";
  EXPECT_NE(program({}).complete({0x1111ULL, 0x2223ULL}, "_Z6kerneld"),
            program({}).complete(kLocal, "_Z6kerneld"))
      << "main.cpp edited";
}

TEST(MemoLink, CyclesTerminateAndEveryMemberCounts) {
  auto fp = [](std::uint64_t even, std::uint64_t odd) {
    return program({{"_Z4eveni", {even, 0}, {"_Z3oddi"}}, {"_Z3oddi", {odd, 0}, {"_Z4eveni"}}})
        .complete(kLocal, "_Z4eveni");
  };
  const purecc::Hash128 base = fp(1, 2);
  EXPECT_NE(fp(5, 2), base);
  EXPECT_NE(fp(1, 5), base);
  // Entering the cycle elsewhere reaches the same symbols.
  EXPECT_EQ(program({{"_Z4eveni", {1, 0}, {"_Z3oddi"}}, {"_Z3oddi", {2, 0}, {"_Z4eveni"}}})
                .complete(kLocal, "_Z3oddi"),
            base);
}

TEST(MemoLink, OrderOfSymbolsAndRecordsDoesNotMatter) {
  std::vector<purecc::LinkRecord> records = {
      {"a", {1, 0}, {"c"}}, {"b", {2, 0}, {}}, {"c", {3, 0}, {}}, {"c", {4, 0}, {}}};
  const purecc::Hash128 forward = program(records).complete(kLocal, "a b");
  std::reverse(records.begin(), records.end());
  EXPECT_EQ(program(records).complete(kLocal, "b a"), forward);
  // Both definitions of "c" (interposed, or one per module) count.
  records.pop_back();
  EXPECT_NE(program(records).complete(kLocal, "a b"), forward);
}

TEST(MemoLink, ASymbolNoRecordDefinesIsItsModulesIdentity) {
  int asked = 0;
  std::string lib = "build-id 01";
  auto id = [&](const std::string &symbol, const void *) {
    ++asked;
    return symbol == "sin" ? lib : "?";
  };
  purecc::LinkedProgram v1({{"_Z6kerneld", {1, 0}, {"sin"}}}, id);
  const purecc::Hash128 a = v1.complete(kLocal, "_Z6kerneld");
  EXPECT_EQ(v1.complete(kLocal, "_Z6kerneld"), a);
  EXPECT_EQ(asked, 1) << "each symbol's module is looked up once";
  lib = "build-id 02"; // libm upgraded
  purecc::LinkedProgram v2({{"_Z6kerneld", {1, 0}, {"sin"}}}, id);
  EXPECT_NE(v2.complete(kLocal, "_Z6kerneld"), a);
}

// The running test binary: no purecc notes, so "sin" stands for the library
// the dynamic linker finds it in, and an unknown symbol for this program.
TEST(MemoLink, TheRunningProcessCompletesDeterministically) {
  const purecc::LinkedProgram &p = purecc::LinkedProgram::current();
  EXPECT_EQ(&p, &purecc::LinkedProgram::current());
  const purecc::Hash128 sin_fp = p.complete(kLocal, "sin");
  EXPECT_NE(sin_fp, kLocal);
  EXPECT_EQ(p.complete(kLocal, "sin"), sin_fp);
  const purecc::Hash128 unknown = p.complete(kLocal, "_Z19no_such_symbol_hereii");
  EXPECT_EQ(unknown, p.complete(kLocal, "_Z19no_such_symbol_hereii"));
  EXPECT_NE(unknown, sin_fp);
  // Debian's linkers write a GNU build id into every module.
  const std::string program_id = p.identity_of("@program");
  EXPECT_EQ(program_id.rfind("build-id ", 0), 0u) << program_id;
  EXPECT_EQ(p.identity_of("_Z19no_such_symbol_hereii"), program_id)
      << "a symbol the dynamic linker cannot find stands for the main program";
  EXPECT_EQ(p.identity_of("sin").rfind("build-id ", 0), 0u);
  EXPECT_NE(p.identity_of("sin"), program_id) << "sin is libm's";
  EXPECT_GT(std::sin(1.0), 0.0); // keeps libm linked in
}

TEST(MemoLink, ASiteCompletesItsFingerprintOnce) {
  static const purecc::MemoSite plain{"plain", 0x1111ULL, 0x2222ULL};
  static const purecc::MemoSite linked{"linked", 0x1111ULL, 0x2222ULL, "sin"};
  EXPECT_EQ(plain.fingerprint(), kLocal);
  EXPECT_EQ(linked.local_fingerprint(), kLocal);
  const purecc::Hash128 &fp = linked.fingerprint();
  EXPECT_EQ(fp, purecc::LinkedProgram::current().complete(kLocal, "sin", &linked));
  EXPECT_EQ(&linked.fingerprint(), &fp);
  EXPECT_STREQ(linked.linked(), "sin");
}

} // namespace
