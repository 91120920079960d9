// Internal: a minimal RAII layer over the SQLite C API for the disk tier.
// Errors are returned as codes (never thrown) because every failure of a
// cache is handled the same way: treat it as a miss, maybe rebuild.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace purecc::sqlite {

/// True for the codes that mean "this file is not a sound database".
inline bool is_corruption(int rc) noexcept {
  const int primary = rc & 0xFF;
  return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
}

class Db {
public:
  Db() = default;
  ~Db() { close(); }
  Db(const Db &) = delete;
  Db &operator=(const Db &) = delete;

  /// Opens read-write, creating the file; sets a busy timeout so that
  /// several processes can share one cache.
  int open(const std::string &path, int busy_timeout_ms);
  /// Opens an existing file for reading only (a cache another user owns, a
  /// read-only mount). `immutable`: promise SQLite that nobody changes the
  /// file, so it needs neither locks nor the -shm file that a WAL database
  /// read with locks needs and that an unwritable directory cannot hold.
  int open_read_only(const std::string &path, bool immutable, int busy_timeout_ms);
  void close() noexcept;
  sqlite3 *get() const noexcept { return db_; }
  explicit operator bool() const noexcept { return db_ != nullptr; }
  /// Runs statements without results; returns the SQLite code.
  int exec(const char *sql) noexcept;
  /// What went wrong in the failed call that returned `rc`: the
  /// connection's own message while it still describes that call, else the
  /// generic text for `rc` (a ROLLBACK after the failure, successful or
  /// not, replaces the message: "cannot rollback - no transaction is
  /// active" must not stand for "database or disk is full").
  std::string error(int rc) const;

private:
  sqlite3 *db_ = nullptr;
};

class Stmt {
public:
  Stmt(const Db &db, const char *sql) noexcept;
  ~Stmt() { sqlite3_finalize(stmt_); }
  Stmt(const Stmt &) = delete;
  Stmt &operator=(const Stmt &) = delete;

  /// SQLITE_OK if the statement compiled.
  int status() const noexcept { return prepare_rc_; }
  Stmt &bind(int i, std::int64_t v) noexcept;
  Stmt &bind(int i, std::string_view blob) noexcept; // as BLOB, copied
  Stmt &bind_text(int i, std::string_view text) noexcept;
  /// SQLITE_ROW, SQLITE_DONE or an error code (also a failed prepare/bind).
  int step() noexcept;
  int reset() noexcept;
  std::int64_t int64(int col) const noexcept { return sqlite3_column_int64(stmt_, col); }
  std::string_view blob(int col) const noexcept;
  std::string text(int col) const;

private:
  sqlite3_stmt *stmt_ = nullptr;
  int prepare_rc_ = SQLITE_OK;
  int bind_rc_ = SQLITE_OK;
};

} // namespace purecc::sqlite
