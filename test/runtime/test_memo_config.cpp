// Memo settings from the environment (purecc/memo_config.h): defaults, every
// variable, and the fallback to memory on bad values.
#include "purecc/memo_config.h"

#include <gtest/gtest.h>

#include <map>

namespace {

purecc::MemoConfig config_from(std::map<std::string, std::string> env) {
  return purecc::MemoConfig::from_environment([&](const char *name) -> const char * {
    auto it = env.find(name);
    return it == env.end() ? nullptr : it->second.c_str();
  });
}

TEST(MemoConfig, Defaults) {
  const purecc::MemoConfig c = config_from({{"HOME", "/home/u"}});
  EXPECT_EQ(c.mode, purecc::MemoMode::disk);
  EXPECT_EQ(c.cache_dir, "/home/u/.cache/purecc");
  EXPECT_EQ(c.memory_budget, 256u << 20);
  EXPECT_EQ(c.disk_max_bytes, std::uint64_t{5} << 30);
  EXPECT_EQ(c.min_persist_time, std::chrono::milliseconds(1));
  EXPECT_FALSE(c.print_stats);
  EXPECT_EQ(c.problems, "");
}

TEST(MemoConfig, EveryVariable) {
  const purecc::MemoConfig c = config_from({{"HOME", "/home/u"},
                                            {"XDG_CACHE_HOME", "/xdg"},
                                            {"PURECC_MEMO", "mem"},
                                            {"PURECC_CACHE_MAX_SIZE", "100M"},
                                            {"PURECC_MEMO_MEM_SIZE", "1G"},
                                            {"PURECC_MEMO_MIN_MS", "2.5"},
                                            {"PURECC_STATS", "1"}});
  EXPECT_EQ(c.mode, purecc::MemoMode::mem);
  EXPECT_EQ(c.cache_dir, "/xdg/purecc");
  EXPECT_EQ(c.disk_max_bytes, 100u << 20);
  EXPECT_EQ(c.memory_budget, 1u << 30);
  EXPECT_EQ(c.min_persist_time, std::chrono::microseconds(2500));
  EXPECT_TRUE(c.print_stats);
  EXPECT_EQ(config_from({{"PURECC_CACHE_DIR", "/c"}, {"HOME", "/h"}}).cache_dir, "/c");
  EXPECT_EQ(config_from({{"PURECC_MEMO", "off"}, {"HOME", "/h"}}).mode, purecc::MemoMode::off);
}

TEST(MemoConfig, BadValuesFallBackToMemoryWithOneLine) {
  const purecc::MemoConfig c = config_from(
      {{"HOME", "/h"}, {"PURECC_CACHE_MAX_SIZE", "lots"}, {"PURECC_MEMO_MIN_MS", "-1"}});
  EXPECT_EQ(c.mode, purecc::MemoMode::mem);
  EXPECT_EQ(c.disk_max_bytes, std::uint64_t{5} << 30) << "the bad value is ignored";
  EXPECT_EQ(c.problems, "PURECC_CACHE_MAX_SIZE='lots' is not a size (like 100M or 5G); "
                        "PURECC_MEMO_MIN_MS='-1' is not a number of milliseconds");
  EXPECT_EQ(config_from({{"HOME", "/h"}, {"PURECC_MEMO", "dsik"}}).problems,
            "PURECC_MEMO='dsik' is not one of off, mem, disk");
  EXPECT_EQ(config_from({{"HOME", "/h"}, {"PURECC_MEMO", "dsik"}}).mode, purecc::MemoMode::mem);
  // Milliseconds are plain decimals (adv94 F4: strtod took the others).
  for (const char *bad : {"0x10", "1e3", "+3", "1e-400", "inf", "nan", ".", " 1", "1.2.3", "-0"}) {
    EXPECT_EQ(config_from({{"HOME", "/h"}, {"PURECC_MEMO_MIN_MS", bad}}).problems,
              std::string("PURECC_MEMO_MIN_MS='") + bad + "' is not a number of milliseconds")
        << bad;
  }
  EXPECT_EQ(config_from({{"HOME", "/h"}, {"PURECC_MEMO_MIN_MS", "0.25"}}).min_persist_time,
            std::chrono::microseconds(250));
  EXPECT_EQ(config_from({{"HOME", "/h"}, {"PURECC_MEMO_MIN_MS", "3."}}).min_persist_time,
            std::chrono::milliseconds(3));
  EXPECT_EQ(config_from({{"PURECC_CACHE_DIR", "rel/dir"}}).problems,
            "PURECC_CACHE_DIR='rel/dir' is not an absolute path");
  EXPECT_EQ(config_from({}).problems, "HOME='' is not set and PURECC_CACHE_DIR is empty");
  // Explicitly off stays off; a problem never turns memoization on.
  EXPECT_EQ(config_from({{"PURECC_MEMO", "off"}, {"PURECC_STATS", "yes"}}).mode,
            purecc::MemoMode::off);
}

TEST(MemoConfig, ParseByteSize) {
  EXPECT_EQ(purecc::parse_byte_size("0"), 0u);
  EXPECT_EQ(purecc::parse_byte_size("1234"), 1234u);
  EXPECT_EQ(purecc::parse_byte_size("512B"), 512u);
  EXPECT_EQ(purecc::parse_byte_size("100K"), 100u << 10);
  EXPECT_EQ(purecc::parse_byte_size("100m"), 100u << 20);
  EXPECT_EQ(purecc::parse_byte_size("5G"), std::uint64_t{5} << 30);
  EXPECT_EQ(purecc::parse_byte_size("2T"), std::uint64_t{2} << 40);
  EXPECT_EQ(purecc::parse_byte_size("64MB"), 64u << 20);
  EXPECT_EQ(purecc::parse_byte_size("512KiB"), 512u << 10);
  EXPECT_EQ(purecc::parse_byte_size("1.5G"), std::uint64_t{3} << 29);
  for (const char *bad : {"", "G", "5X", "5GG", "-1", "1.5", "5 G", "99999999999999999999", "20000000T"})
    EXPECT_EQ(purecc::parse_byte_size(bad), std::nullopt) << bad;
}

TEST(MemoConfig, FormatSizesAndDurations) {
  EXPECT_EQ(purecc::format_byte_size(0), "0 B");
  EXPECT_EQ(purecc::format_byte_size(1023), "1023 B");
  EXPECT_EQ(purecc::format_byte_size(1536), "1.5 KiB");
  EXPECT_EQ(purecc::format_byte_size(std::uint64_t{5} << 30), "5.0 GiB");
  EXPECT_EQ(purecc::format_duration(std::chrono::nanoseconds(850)), "850 ns");
  EXPECT_EQ(purecc::format_duration(std::chrono::nanoseconds(12345)), "12.3 us");
  EXPECT_EQ(purecc::format_duration(std::chrono::milliseconds(4)), "4.0 ms");
  EXPECT_EQ(purecc::format_duration(std::chrono::milliseconds(2345)), "2.35 s");
}

} // namespace
