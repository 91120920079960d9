// A plugin with a memo site, opened with dlopen by memo_link_dlopen_program
// after that program's first memoized call (adv114 F1). Built as v1
// (PLUGIN_FACTOR 2) and v2 (3) under one name. Its site names
// `plugin_scale`, which its link note records as purecc writes it (the
// record's fingerprint differs between the builds, as an edit of the body
// makes it differ). Not exported to the global scope: RTLD_LOCAL.
#include "purecc/memo.h"

#include <string>

#define PURECC_TEST_STR2(x) #x
#define PURECC_TEST_STR(x) PURECC_TEST_STR2(x)
#define PURECC_TEST_NOTE "plugin_scale 0000000000000000000000000000000" PURECC_TEST_STR(PLUGIN_FACTOR) "\n"

[[gnu::used, gnu::retain, gnu::section(".note.purecc"), gnu::aligned(4)]] static const struct {
  unsigned namesz, descsz, type;
  char name[8];
  char desc[(sizeof(PURECC_TEST_NOTE) + 3) / 4 * 4];
} purecc_test_note = {7, sizeof(PURECC_TEST_NOTE), 1, "purecc", PURECC_TEST_NOTE};

extern "C" [[gnu::noinline]] long plugin_scale(long x) { return x * PLUGIN_FACTOR; }

namespace {
constinit const purecc::MemoSite site{"plugin_f", 0x9106ULL, 0xf1ULL, "plugin_scale"};
} // namespace

extern "C" long plugin_f(long x) {
  return purecc::memoize(site, [&] { return plugin_scale(x); }, x);
}

extern "C" const char *plugin_fingerprint() {
  static const std::string hex = site.fingerprint().hex();
  return hex.c_str();
}
