// Internal SQLite helpers for the disk tier (see sqlite_db.h).
#include "sqlite_db.h"

#include <cctype>
#include <cstring>

namespace purecc::sqlite {

int Db::open(const std::string &path, int busy_timeout_ms) {
  close();
  const int rc = sqlite3_open_v2(path.c_str(), &db_,
                                 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                 nullptr);
  if (rc != SQLITE_OK)
    return rc;
  sqlite3_extended_result_codes(db_, 1);
  return sqlite3_busy_timeout(db_, busy_timeout_ms);
}

int Db::open_read_only(const std::string &path, bool immutable, int busy_timeout_ms) {
  close();
  // A URI carries the parameter; the path is percent-encoded so that a '?'
  // or '#' in a directory's name stays part of the name.
  std::string uri = "file:";
  for (unsigned char c : path) {
    if (std::isalnum(c) || std::strchr("/-._~", c)) {
      uri += static_cast<char>(c);
    } else {
      static const char digits[] = "0123456789ABCDEF";
      uri += '%';
      uri += digits[c >> 4];
      uri += digits[c & 15];
    }
  }
  uri += immutable ? "?immutable=1" : "?mode=ro";
  const int rc = sqlite3_open_v2(uri.c_str(), &db_,
                                 SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK)
    return rc;
  sqlite3_extended_result_codes(db_, 1);
  return sqlite3_busy_timeout(db_, busy_timeout_ms);
}

void Db::close() noexcept {
  if (db_)
    sqlite3_close_v2(db_);
  db_ = nullptr;
}

int Db::exec(const char *sql) noexcept { return sqlite3_exec(db_, sql, nullptr, nullptr, nullptr); }

std::string Db::error(int rc) const {
  if (db_ && sqlite3_extended_errcode(db_) == rc)
    return sqlite3_errmsg(db_);
  return sqlite3_errstr(rc);
}

Stmt::Stmt(const Db &db, const char *sql) noexcept {
  prepare_rc_ = db ? sqlite3_prepare_v2(db.get(), sql, -1, &stmt_, nullptr) : SQLITE_MISUSE;
}

Stmt &Stmt::bind(int i, std::int64_t v) noexcept {
  if (stmt_ && bind_rc_ == SQLITE_OK)
    bind_rc_ = sqlite3_bind_int64(stmt_, i, v);
  return *this;
}

Stmt &Stmt::bind(int i, std::string_view blob) noexcept {
  if (stmt_ && bind_rc_ == SQLITE_OK)
    bind_rc_ = sqlite3_bind_blob64(stmt_, i, blob.data(), blob.size(), SQLITE_TRANSIENT);
  return *this;
}

Stmt &Stmt::bind_text(int i, std::string_view text) noexcept {
  if (stmt_ && bind_rc_ == SQLITE_OK)
    bind_rc_ = sqlite3_bind_text64(stmt_, i, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  return *this;
}

int Stmt::step() noexcept {
  if (prepare_rc_ != SQLITE_OK)
    return prepare_rc_;
  if (bind_rc_ != SQLITE_OK)
    return bind_rc_;
  return sqlite3_step(stmt_);
}

int Stmt::reset() noexcept {
  bind_rc_ = SQLITE_OK;
  return stmt_ ? sqlite3_reset(stmt_) : prepare_rc_;
}

std::string_view Stmt::blob(int col) const noexcept {
  const void *p = sqlite3_column_blob(stmt_, col);
  const int n = sqlite3_column_bytes(stmt_, col);
  return p && n > 0 ? std::string_view(static_cast<const char *>(p), static_cast<std::size_t>(n))
                    : std::string_view();
}

std::string Stmt::text(int col) const {
  const unsigned char *p = sqlite3_column_text(stmt_, col);
  return p ? std::string(reinterpret_cast<const char *>(p)) : std::string();
}

} // namespace purecc::sqlite
