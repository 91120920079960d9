// purecc/cache_admin.h — `purecc cache ...`: inspecting and maintaining the disk memo cache.
//
// Why a library function: the CLI forwards to it, and tests and other tools
// can run the exact same commands with their own streams.
//
//   purecc cache stats   [--cache-dir=DIR]   entries, bytes, hit rate, per-function counts;
//                                            the shared tier too if PURECC_CACHE_REDIS is set
//   purecc cache clear   [--cache-dir=DIR]   delete every entry and counter
//   purecc cache clear --shared              delete purecc's keys (PURECC_CACHE_REDIS_PREFIX)
//                                            on the shared tier; nothing else
//   purecc cache prune   [--cache-dir=DIR]   drop corrupt entries, enforce PURECC_CACHE_MAX_SIZE,
//                                            return free space to the file system
//   purecc cache help
//
// DIR defaults to PURECC_CACHE_DIR (else $XDG_CACHE_HOME/purecc, else
// ~/.cache/purecc). Exit codes: 0 success, 1 the cache cannot be used,
// 2 usage error. Errors are one line on `err`, e.g.
//   purecc: error: unknown cache command 'purge' (expected stats, clear, prune or help) [purecc-cache-usage]
//
// Usage:
//   int rc = purecc::cache_command({"stats"}, std::cout, std::cerr);
#pragma once
// A library's warnings are its own business: a user's -Wshadow must not
// fire on our locals because a global of theirs is named 'f' (hdr22).
// purecc's own targets define PURECC_RUNTIME_OWN_WARNINGS to see them.
#ifndef PURECC_RUNTIME_OWN_WARNINGS
#pragma GCC system_header
#endif

#include <ostream>
#include <string>
#include <vector>

namespace purecc {

/// Runs one cache command; `args` are the words after `purecc cache`.
int cache_command(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);

} // namespace purecc
