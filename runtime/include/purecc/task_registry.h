// purecc/task_registry.h — named entry points that another process can call.
//
// Why: a remote worker (a second rank under mpirun, see distributed.h) runs
// the same binary, but code addresses differ between processes (ASLR) and
// must never travel. Each shippable function is therefore registered under a
// stable id — codegen uses the mangled name plus the AST fingerprint that
// memoization already computes — with a *thunk*: a plain function that
// decodes the canonical argument bytes (serialize.h), runs the work and
// encodes the result. Processes agree on what an id means by comparing a
// digest of their whole registry plus the executable's GNU build id at
// start-up (registry_digest()).
//
// A thunk's call: `args` holds the concatenated canonical bytes of the
// captured arguments; [begin, end) is the index range of a range task
// (ignored by call tasks) and `leaf` the leaf size of its split tree. It
// returns the canonical bytes of the result and may throw: the task's own
// exceptions pass through unchanged; undecodable arguments throw
// purecc::task_decode_error.
//
// Usage (distributed.h wraps this for reductions and maps):
//   std::string twice(std::string_view a, std::int64_t, std::int64_t, std::int64_t) {
//     auto x = purecc::from_bytes<int>(a);
//     if (!x) throw purecc::task_decode_error("twice");
//     return purecc::to_bytes(2 * *x);
//   }
//   const purecc::TaskEntry twice_entry{"twice", 0x1ULL, 0x2ULL, twice};
//   const purecc::TaskRegistrar twice_registrar{twice_entry};
#pragma once
// A library's warnings are its own business: a user's -Wshadow must not
// fire on our locals because a global of theirs is named 'f' (hdr22).
// purecc's own targets define PURECC_RUNTIME_OWN_WARNINGS to see them.
#ifndef PURECC_RUNTIME_OWN_WARNINGS
#pragma GCC system_header
#endif

#include "purecc/memo_key.h"
#include "purecc/memo_site.h"

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace purecc {

using task_thunk = std::string (*)(std::string_view args, std::int64_t begin, std::int64_t end,
                                   std::int64_t leaf);

/// One registered task. `id` must outlive the program (a string literal);
/// the fingerprint is the function's 128-bit hash (as for MemoSite), so the
/// results of shipped calls share the memo store's keys; `linked` (null or
/// a string literal) lists the linker symbols it depends on that its unit
/// does not define, completed from the linked program's notes as
/// MemoSite's are.
///   const purecc::TaskEntry e{"f#9e37...", 0x9e37ULL, 0x79b9ULL, &f_thunk};
///   const purecc::TaskEntry k{"g#r4", 0x1ULL, 0x2ULL, &g_thunk, "_Z6kerneld"};
class TaskEntry {
public:
  TaskEntry(const char *id, std::uint64_t fingerprint_hi, std::uint64_t fingerprint_lo,
            task_thunk thunk, const char *linked = nullptr) noexcept
      : site_(id, fingerprint_hi, fingerprint_lo, linked), thunk_(thunk) {}
  TaskEntry(const TaskEntry &) = delete;
  TaskEntry &operator=(const TaskEntry &) = delete;

  const char *id() const noexcept { return site_.name(); }
  const Hash128 &fingerprint() const noexcept { return site_.fingerprint(); }
  /// The memo site of this task: persisted results and PURECC_STATS lines.
  const MemoSite &site() const noexcept { return site_; }
  std::string run(std::string_view args, std::int64_t begin, std::int64_t end,
                  std::int64_t leaf) const {
    return thunk_(args, begin, end, leaf);
  }

private:
  MemoSite site_;
  task_thunk thunk_;
};

/// Thrown by a thunk whose argument bytes do not decode (a mismatched build
/// that slipped through, or a codec whose read disagrees with its write).
///   throw purecc::task_decode_error("f#9e37...");
class task_decode_error : public std::runtime_error {
public:
  explicit task_decode_error(const std::string &id)
      : std::runtime_error("purecc: cannot decode the arguments of task '" + id + "'") {}
};

/// The process-wide registry. Registration happens during static
/// initialization (TaskRegistrar); lookups happen after it.
///   const purecc::TaskEntry *e = purecc::TaskRegistry::find("twice");
class TaskRegistry {
public:
  /// Adds `entry` (which must outlive the program). A second entry with the
  /// same id but a different fingerprint is remembered as a conflict: the
  /// MPI backend refuses to start with one (the id would be ambiguous).
  static void add(const TaskEntry &entry);
  /// The ids registered more than once with different fingerprints.
  static std::vector<std::string> conflicts();
  /// The entry registered under `id`, or nullptr.
  static const TaskEntry *find(std::string_view id);
  /// All entries, sorted by id.
  static std::vector<const TaskEntry *> entries();
  /// XXH3-128 over the sorted (id, fingerprint) pairs.
  static Hash128 digest();
};

/// Registers an entry from a namespace-scope object's constructor.
///   const purecc::TaskRegistrar reg{entry};
struct TaskRegistrar {
  explicit TaskRegistrar(const TaskEntry &entry) { TaskRegistry::add(entry); }
};

/// The GNU build id of the running executable (NT_GNU_BUILD_ID note) as
/// bytes, or "" when it was linked without one.
///   std::printf("%zu\n", purecc::executable_build_id().size());  // 20 with gcc
std::string executable_build_id();

} // namespace purecc
