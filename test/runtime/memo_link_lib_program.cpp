// A memoized program that uses the constant and the function of
// memo_link_lib.cpp, a library built without purecc, as `purecc rewrite`
// emits it: each site names the symbol. Built as a PIE (the constant is
// copied into the program: R_X86_64_COPY) and as a non-PIE program, which
// also takes the function's address (a canonical PLT entry in the
// program). It prints each site's completed fingerprint and the values for
// 1..3 through the disk cache of PURECC_CACHE_DIR. With
// PURECC_TEST_REPLACE=<new>:<old> it first renames <new> over <old>, as
// `make install` replaces a library that a running program has loaded
// (adv114 F3). Used by test_memo_link.cpp.
#include "purecc/memo.h"

#include <cstdio>
#include <cstdlib>
#include <string>

extern "C" {
extern const long purecc_test_k;
long purecc_test_kern(long x);
}

namespace {
constinit const purecc::MemoSite k_site{"times_k", 0x6bULL, 0xf2ULL, "purecc_test_k"};
constinit const purecc::MemoSite kern_site{"through_kern", 0x6bULL, 0xf3ULL, "purecc_test_kern"};

long (*volatile kern)(long) = nullptr;

long times_k(long x) {
  return purecc::memoize(k_site, [&] { return x * purecc_test_k; }, x);
}
long through_kern(long x) {
  return purecc::memoize(kern_site, [&] { return kern(x); }, x);
}
} // namespace

int main() {
  // Taken in code: in the non-PIE program, an absolute address the program
  // must know at link time, so a canonical PLT entry in the program.
  kern = &purecc_test_kern;
  if (const char *replace = std::getenv("PURECC_TEST_REPLACE")) {
    const std::string r = replace;
    const std::size_t colon = r.find(':');
    if (colon == std::string::npos ||
        std::rename(r.substr(0, colon).c_str(), r.substr(colon + 1).c_str()) != 0) {
      std::perror("rename");
      return 2;
    }
  }
  std::printf("k fingerprint %s\n", k_site.fingerprint().hex().c_str());
  std::printf("kern fingerprint %s\n", kern_site.fingerprint().hex().c_str());
  for (long x = 1; x <= 3; ++x)
    std::printf("%ld %ld\n", times_k(x), through_kern(x));
  return 0;
}
