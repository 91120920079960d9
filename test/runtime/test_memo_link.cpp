// Completing memo fingerprints from the linked program (purecc/memo_link.h):
// a change anywhere a memoized function reaches changes its fingerprint,
// cycles terminate, symbols no record defines stand for their module, and a
// site completes its fingerprint once.
#include "purecc/memo_link.h"
#include "purecc/memo_site.h"

#include "scratch_dir.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <regex>
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
      << "a symbol the dynamic linker cannot find stands for every module";
  EXPECT_EQ(p.identity_of("sin").rfind("build-id ", 0), 0u);
  EXPECT_NE(p.identity_of("sin"), program_id) << "sin is libm's";
  // `@program` is every loaded module's identity, sorted: libm's among
  // them (an override may live in any library: adv112 F1).
  EXPECT_NE(program_id.find(p.identity_of("sin")), std::string::npos) << program_id;
  EXPECT_GT(std::sin(1.0), 0.0); // keeps libm linked in
}

// adv112 F1: a memoized function in the program calls a virtual function
// whose override is in a shared library. Rebuilding only the library (a
// new override body, a new build id) without relinking the program must
// be a miss: `@program` stood for the program's and the site's modules
// only, and the second build printed the first one's values from the disk
// cache. memo_link_program runs with each build of the library copied to
// one place, as `make` leaves a rebuilt libv.so.
TEST(MemoLink, RebuildingOnlyTheOverridesLibraryIsAMiss) {
  namespace fs = std::filesystem;
  const fs::path dir = scratch_dir("memo_link-override");
  const fs::path lib = dir / "lib" / fs::path(PURECC_TEST_OVERRIDE_V1).filename();
  fs::create_directories(lib.parent_path());
  auto run = [&](const char *build) {
    fs::copy_file(build, lib, fs::copy_options::overwrite_existing);
    const std::string cmd = "env LD_LIBRARY_PATH='" + lib.parent_path().string() +
                            "' PURECC_CACHE_DIR='" + (dir / "cache").string() +
                            "' PURECC_MEMO=disk PURECC_MEMO_MIN_MS=0 PURECC_STATS=1 '" +
                            PURECC_TEST_LINK_PROGRAM + "' 2>&1";
    std::string out;
    FILE *pipe = popen(cmd.c_str(), "r");
    char buf[4096];
    std::size_t n;
    while (pipe && (n = fread(buf, 1, sizeof buf, pipe)) > 0)
      out.append(buf, n);
    EXPECT_EQ(pipe ? pclose(pipe) : -1, 0) << out;
    return out;
  };
  auto fingerprint = [](const std::string &out) {
    std::smatch m;
    return std::regex_search(out, m, std::regex("fingerprint ([0-9a-f]{32})")) ? m[1].str() : "";
  };
  // calls, memory hits, disk hits, misses of twice_applied.
  auto counts = [](const std::string &out) {
    std::smatch m;
    return std::regex_search(out, m, std::regex("twice_applied +([0-9]+) +([0-9]+) +([0-9]+) +([0-9]+)"))
               ? m[1].str() + " " + m[2].str() + " " + m[3].str() + " " + m[4].str()
               : "";
  };
  const std::string v1 = run(PURECC_TEST_OVERRIDE_V1);
  EXPECT_NE(v1.find("\n4\n8\n12\n"), std::string::npos) << v1;
  EXPECT_EQ(counts(v1), "3 0 0 3") << v1;
  const std::string v1_again = run(PURECC_TEST_OVERRIDE_V1);
  EXPECT_EQ(fingerprint(v1_again), fingerprint(v1)) << "an unchanged library keeps its hits";
  EXPECT_EQ(counts(v1_again), "3 0 3 0") << v1_again;
  const std::string v2 = run(PURECC_TEST_OVERRIDE_V2);
  ASSERT_NE(fingerprint(v2), "") << v2;
  EXPECT_NE(fingerprint(v2), fingerprint(v1)) << "the library's build id is in the key";
  EXPECT_NE(v2.find("\n9\n18\n27\n"), std::string::npos) << "the new override's values\n" << v2;
  EXPECT_EQ(counts(v2), "3 0 0 3") << v2;
}

// Runs `command` through the shell; its output, stdout and stderr.
std::string run_command(const std::string &command) {
  std::string out;
  FILE *pipe = popen((command + " 2>&1").c_str(), "r");
  char buf[4096];
  std::size_t n;
  while (pipe && (n = fread(buf, 1, sizeof buf, pipe)) > 0)
    out.append(buf, n);
  EXPECT_EQ(pipe ? pclose(pipe) : -1, 0) << command << "\n" << out;
  return out;
}

std::string match(const std::string &out, const std::string &pattern) {
  std::smatch m;
  return std::regex_search(out, m, std::regex(pattern)) ? m[1].str() : "";
}

// calls, memory hits, disk hits, misses of one function in PURECC_STATS's table.
std::string stats_of(const std::string &out, const std::string &fn) {
  std::smatch m;
  return std::regex_search(out, m, std::regex(fn + " +([0-9]+) +([0-9]+) +([0-9]+) +([0-9]+)"))
             ? m[1].str() + " " + m[2].str() + " " + m[3].str() + " " + m[4].str()
             : "";
}

std::string memo_env(const std::filesystem::path &cache) {
  return "env PURECC_CACHE_DIR='" + cache.string() +
         "' PURECC_MEMO=disk PURECC_MEMO_MIN_MS=0 PURECC_STATS=1 ";
}

// adv114 F3: a module without a GNU build id was identified by a hash of
// its file, read when the identity was first needed, not of the code
// loaded: a library replaced on disk (renamed over, as `make install`
// does) after the program loaded it and before its first memoized call
// stored the old code's values under the new file's identity, and every
// later run of the new library was served them. It is now a hash of the
// module's read-only segments as mapped. The program (also without a build
// id: its identity is its mapped code too) runs v1 of the library while v2
// replaces it, then runs v2: a miss, v2's values. Each identity is stable
// across runs (ASLR moves every module): the same library again hits.
TEST(MemoLink, AModuleWithoutBuildIdIsTheCodeLoaded) {
  namespace fs = std::filesystem;
  const fs::path dir = scratch_dir("memo_link-no-build-id");
  const fs::path lib = dir / "lib" / fs::path(PURECC_TEST_LIB_NB1).filename();
  const fs::path next = dir / "next.so";
  fs::create_directories(lib.parent_path());
  const std::string run = memo_env(dir / "cache") + "LD_LIBRARY_PATH='" +
                          lib.parent_path().string() + "' ";
  fs::copy_file(PURECC_TEST_LIB_NB1, lib, fs::copy_options::overwrite_existing);
  fs::copy_file(PURECC_TEST_LIB_NB2, next, fs::copy_options::overwrite_existing);
  const std::string v1 = run_command(run + "PURECC_TEST_REPLACE='" + next.string() + ":" +
                                     lib.string() + "' '" + PURECC_TEST_LIB_PIE + "'");
  EXPECT_NE(v1.find("\n10 11\n20 12\n30 13\n"), std::string::npos) << "v1 ran\n" << v1;
  EXPECT_EQ(stats_of(v1, "through_kern"), "3 0 0 3") << v1;
  const std::string v2 = run_command(run + "'" + PURECC_TEST_LIB_PIE + "'");
  EXPECT_NE(match(v2, "kern fingerprint ([0-9a-f]{32})"),
            match(v1, "kern fingerprint ([0-9a-f]{32})"))
      << "v1's code and v2's file are other identities";
  EXPECT_NE(v2.find("\n20 21\n40 22\n60 23\n"), std::string::npos) << "v2's values\n" << v2;
  EXPECT_EQ(stats_of(v2, "through_kern"), "3 0 0 3") << v2;
  const std::string v2_again = run_command(run + "'" + PURECC_TEST_LIB_PIE + "'");
  EXPECT_EQ(match(v2_again, "kern fingerprint ([0-9a-f]{32})"),
            match(v2, "kern fingerprint ([0-9a-f]{32})"))
      << "the mapped code's identity is the same in every run";
  EXPECT_EQ(match(v2_again, "k fingerprint ([0-9a-f]{32})"),
            match(v2, "k fingerprint ([0-9a-f]{32})"));
  EXPECT_EQ(stats_of(v2_again, "through_kern"), "3 0 3 0") << v2_again;
  EXPECT_EQ(stats_of(v2_again, "times_k"), "3 0 3 0") << v2_again;
}

// adv114 F2: a constant defined in a library built without purecc and used
// by the program is copied into a PIE program (R_X86_64_COPY), and a
// function whose address a non-PIE program takes gets a canonical PLT
// entry in the program; the dynamic linker's answer is then the program,
// and the program's build id stood for them: rebuilding only the library
// served the old values. Each such symbol now also stands for every other
// module that defines it.
TEST(MemoLink, ALibrarysSymbolFoundInTheProgramIsTheLibrarys) {
  namespace fs = std::filesystem;
  for (const char *program : {PURECC_TEST_LIB_PIE, PURECC_TEST_LIB_NOPIE}) {
    SCOPED_TRACE(program);
    const fs::path dir = scratch_dir("memo_link-copied");
    const fs::path lib = dir / "lib" / fs::path(PURECC_TEST_LIB_K1).filename();
    fs::create_directories(lib.parent_path());
    const std::string run = memo_env(dir / "cache") + "LD_LIBRARY_PATH='" +
                            lib.parent_path().string() + "' '" + program + "'";
    fs::copy_file(PURECC_TEST_LIB_K1, lib, fs::copy_options::overwrite_existing);
    const std::string v1 = run_command(run);
    EXPECT_NE(v1.find("\n10 11\n20 12\n30 13\n"), std::string::npos) << v1;
    const std::string v1_again = run_command(run);
    EXPECT_EQ(stats_of(v1_again, "times_k"), "3 0 3 0") << v1_again;
    EXPECT_EQ(stats_of(v1_again, "through_kern"), "3 0 3 0") << v1_again;
    fs::copy_file(PURECC_TEST_LIB_K2, lib, fs::copy_options::overwrite_existing);
    const std::string v2 = run_command(run);
    EXPECT_NE(v2.find("\n20 21\n40 22\n60 23\n"), std::string::npos) << "v2's values\n" << v2;
    EXPECT_EQ(stats_of(v2, "times_k"), "3 0 0 3") << v2;
    EXPECT_EQ(stats_of(v2, "through_kern"), "3 0 0 3") << v2;
  }
}

// adv114 F1: the records and module list were read once, at the first
// memoized call; a plugin opened later had neither its note's records nor
// its identity in them, so its site was keyed as if the plugin were absent
// and rebuilding the plugin served the old values. The program makes a
// memoized call, then opens the plugin (v1, then v2 under the same name).
TEST(MemoLink, APluginOpenedAfterTheFirstCallIsRead) {
  namespace fs = std::filesystem;
  const fs::path dir = scratch_dir("memo_link-plugin");
  const fs::path plugin = dir / fs::path(PURECC_TEST_PLUGIN_V1).filename();
  const std::string run = memo_env(dir / "cache") + "'" + PURECC_TEST_DLOPEN_PROGRAM + "' '" +
                          plugin.string() + "'";
  fs::copy_file(PURECC_TEST_PLUGIN_V1, plugin, fs::copy_options::overwrite_existing);
  const std::string v1 = run_command(run);
  EXPECT_NE(v1.find("\n2\n4\n6\n"), std::string::npos) << v1;
  const std::string v1_again = run_command(run);
  EXPECT_EQ(match(v1_again, "plugin fingerprint ([0-9a-f]{32})"),
            match(v1, "plugin fingerprint ([0-9a-f]{32})"));
  EXPECT_EQ(stats_of(v1_again, "plugin_f"), "3 0 3 0") << "an unchanged plugin keeps its hits\n"
                                                        << v1_again;
  fs::copy_file(PURECC_TEST_PLUGIN_V2, plugin, fs::copy_options::overwrite_existing);
  const std::string v2 = run_command(run);
  EXPECT_NE(match(v2, "plugin fingerprint ([0-9a-f]{32})"),
            match(v1, "plugin fingerprint ([0-9a-f]{32})"))
      << "the plugin's record is in the key";
  EXPECT_NE(v2.find("\n3\n6\n9\n"), std::string::npos) << "v2's values\n" << v2;
  EXPECT_EQ(stats_of(v2, "plugin_f"), "3 0 0 3") << v2;
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
