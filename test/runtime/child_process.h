// child_process.h — how the runtime's process-level tests run a program: the
// test binary re-runs itself (its child hook reads PURECC_TEST_CHILD and
// the variables it is given), configured only by environment variables, as
// users run a memoized program. Used by test_memo_process.cpp and
// test_shared_store.cpp.
//
//   const fs::path dir = scratch_dir("memo_process-warm");   // fresh, empty
//   ChildResult r = run_self("PURECC_CACHE_DIR='" + dir.string() + "'", dir);
//   EXPECT_EQ(r.status, 0) << r.err;
//   Child a(env, dir, 1), b(env, dir, 2);  // two at once
//   ChildResult ra = a.finish(), rb = b.finish();
#pragma once

#include "scratch_dir.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

inline std::string self_exe() { return std::filesystem::read_symlink("/proc/self/exe").string(); }

struct ChildResult {
  std::string out, err;
  int status = -1;
};

/// Starts this binary as the child with `env` (NAME=value words,
/// single-quoted by the caller where needed), its standard error going to
/// scratch/stderr-<id>; finish() collects it.
struct Child {
  FILE *pipe = nullptr;
  std::filesystem::path err_file;
  /// `shell` runs first in the child's shell (limits, traps).
  /// `exe`: the binary to run, this one when empty (a copy another user
  /// may run: test_memo_process's read-only caches).
  Child(const std::string &env, const std::filesystem::path &scratch, int id,
        const std::string &shell = "", const std::string &exe = "") {
    err_file = scratch / ("stderr-" + std::to_string(id));
    const std::string cmd = shell + "env PURECC_TEST_CHILD=1 PURECC_MEMO_MIN_MS=0 " + env + " '" +
                            (exe.empty() ? self_exe() : exe) + "' 2>'" + err_file.string() + "'";
    pipe = popen(cmd.c_str(), "r");
  }
  ChildResult finish() {
    ChildResult r;
    char buf[4096];
    size_t n;
    while (pipe && (n = fread(buf, 1, sizeof buf, pipe)) > 0)
      r.out.append(buf, n);
    r.status = pipe ? pclose(pipe) : -1;
    std::ifstream in(err_file);
    r.err.assign(std::istreambuf_iterator<char>(in), {});
    return r;
  }
};

/// Runs the child to its end (see Child).
inline ChildResult run_self(const std::string &env, const std::filesystem::path &scratch,
                            const std::string &shell = "", const std::string &exe = "") {
  static int id = 0;
  return Child(env, scratch, ++id, shell, exe).finish();
}
