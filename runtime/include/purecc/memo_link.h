// purecc/memo_link.h — completing memo fingerprints from the linked program.
//
// Why: purecc's code generator sees one translation unit at a time. When a
// memoized `integral` in main.cpp calls `kernel`, defined in kernel.cpp, the
// fingerprint made in main.cpp cannot see kernel's body, and an edit to it
// would leave stale results in the disk cache. So every unit purecc
// rewrites carries an ELF note (section .note.purecc, name "purecc", type 1)
// with one record per pure function (and constant) it defines for others:
//
//   <linker symbol> <32 hex digits: that unit's fingerprint of it> <external symbol>...
//   @unit <the __VERSION__ of the compiler that built the unit>
//
// and a memo site lists the symbols its function depends on that its unit
// does not define (MemoSite `linked`). At the site's first call the runtime
// reads the notes of every loaded module (dl_iterate_phdr), follows the
// symbols transitively (a cycle is fine: the set of symbols reached is what
// counts) and hashes what it finds:
//
//   fingerprint = XXH3-128("purecc-link 1" · local fingerprint ·
//                          for each symbol reached, in byte order:
//                            symbol · the fingerprints of its records, sorted
//                                   | "=" identity of the module defining it)
//
// A symbol no note defines (a shared library, an object purecc did not
// rewrite) stands for the module that defines it: its GNU build id, else a
// hash of its read-only segments as mapped, RELRO aside (adv114 F3: a hash
// of its file named other code once the file was replaced); one the
// dynamic linker finds in the main program (a copy relocation, a canonical
// PLT entry) also for every other module that defines it (adv114 F2). A symbol the dynamic linker cannot find (a function that
// is not exported, so defined in some module's own code), and "@program" (a
// virtual call, whose override may be in any module), stand for the
// identities of every module loaded, sorted (the vDSO aside: no file, none
// of the program's code), so that relinking the program or rebuilding any
// library it loads is a new fingerprint: a miss, never a stale answer (adv112
// F1: it was the program's and the site's module only, and rebuilding the
// libv.so holding an override served the old override's values). The
// records and modules are read at the first site, and again at a site's
// first call once a module was loaded or unloaded since (adv114 F1: a
// plugin dlopen'ed after the first memoized call had no records and no
// identity, and rebuilding it served the old values); a site completes
// once (docs/memo.md, "Limits").
//
// Usage:
//   purecc::Hash128 fp = purecc::LinkedProgram::current().complete(local, "_Z6kerneld", &site);
//
//   // Tests: a program made of records, with a fixed identity for the rest.
//   purecc::LinkedProgram p({{"_Z6kerneld", {1, 2}, {}}},
//                           [](const std::string &sym, const void *) { return "lib:" + sym; });
#pragma once
// A library's warnings are its own business: a user's -Wshadow must not
// fire on our locals because a global of theirs is named 'f' (hdr22).
// purecc's own targets define PURECC_RUNTIME_OWN_WARNINGS to see them.
#ifndef PURECC_RUNTIME_OWN_WARNINGS
#pragma GCC system_header
#endif

#include "purecc/memo_key.h"

#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace purecc {

/// One record of a unit's link note.
struct LinkRecord {
  std::string symbol;
  Hash128 local;                     ///< the defining unit's fingerprint
  std::vector<std::string> external; ///< symbols it depends on, defined elsewhere
};

/// The records of one note's text, appended to `out`. A malformed line is
/// skipped (its symbol then stands for its module: a miss at worst); returns
/// the number of lines skipped. A line `@unit <compiler>` (the compiler's
/// `__VERSION__`, written by the compiler that built the unit) names what
/// built the unit: each record's fingerprint is then XXH3-128 of
/// "purecc-unit 1\n", the fingerprint's 16 bytes and that text.
std::size_t parse_link_records(std::string_view text, std::vector<LinkRecord> &out);

/// The records of a program and how to name what no record defines.
class LinkedProgram {
public:
  /// The identity of the module that defines a symbol no record names;
  /// `caller` is an address in the module of the memo site asking.
  using Identity = std::function<std::string(const std::string &symbol, const void *caller)>;

  LinkedProgram(std::vector<LinkRecord> records, Identity identity);
  LinkedProgram(const LinkedProgram &) = delete;
  LinkedProgram &operator=(const LinkedProgram &) = delete;

  /// The running process: the notes of every module loaded now, and module
  /// identities from build ids. Read on first use, and again when a module
  /// was loaded or unloaded since; each one read is kept for the process.
  static const LinkedProgram &current();

  /// The fingerprint of a site with this local fingerprint and these linked
  /// symbols (space-separated); `caller` is an address in the site's module
  /// (the site itself). Empty `linked`: `local` itself.
  Hash128 complete(const Hash128 &local, std::string_view linked,
                   const void *caller = nullptr) const;

  /// What stands for a symbol no record defines ("build-id <hex>",
  /// "mapped <hash>", every module's for "@program" and for a symbol the
  /// dynamic linker cannot find), asked once per symbol and caller and kept.
  const std::string &identity_of(const std::string &symbol, const void *caller = nullptr) const;

  std::size_t size() const noexcept { return records_.size(); }

private:
  std::vector<LinkRecord> records_;
  std::unordered_map<std::string, std::vector<const LinkRecord *>> by_symbol_;
  Identity identity_;
  mutable std::mutex mutex_; // guards identities_
  mutable std::map<std::string, std::string> identities_;
};

} // namespace purecc
