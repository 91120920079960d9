// A memoized program that makes its first memoized call and then opens the
// plugin of memo_link_plugin.cpp (argv[1]) with dlopen, RTLD_LOCAL, and
// prints the plugin site's fingerprint and plugin_f(1..3) through the disk
// cache of PURECC_CACHE_DIR (adv114 F1). It and the plugin share the
// runtime (libpurecc_rt.so), as a host built with -rdynamic shares its own.
#include "purecc/memo.h"

#include <dlfcn.h>

#include <cstdio>

namespace {
constinit const purecc::MemoSite host_site{"host_g", 0x6057ULL, 0xf1ULL, "@program"};

long host_g(long x) {
  return purecc::memoize(host_site, [&] { return x + 1; }, x);
}
} // namespace

int main(int argc, char **argv) {
  if (argc != 2)
    return 2;
  std::printf("host %ld\n", host_g(5)); // the first memoized call
  void *plugin = ::dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
  if (!plugin) {
    std::fprintf(stderr, "%s\n", ::dlerror());
    return 2;
  }
  auto f = reinterpret_cast<long (*)(long)>(::dlsym(plugin, "plugin_f"));
  auto fingerprint = reinterpret_cast<const char *(*)()>(::dlsym(plugin, "plugin_fingerprint"));
  if (!f || !fingerprint)
    return 2;
  std::printf("plugin fingerprint %s\n", fingerprint());
  for (long x = 1; x <= 3; ++x)
    std::printf("%ld\n", f(x));
  return 0;
}
