// purecc/shared_secret.h — the deployment secret that authenticates shared memo entries.
//
// Why: a shared memo tier (purecc/shared_store.h) is written by many users.
// Checksums only catch accidents; anyone who may write to the server could
// store a chosen value under someone else's key. Every shared entry therefore
// carries an HMAC-SHA-256 tag under a secret that only trusted writers hold;
// a reader that cannot verify the tag treats the entry as a miss.
//
// The secret lives in a file (PURECC_CACHE_SECRET_FILE), never in the
// environment or on a command line, where other users could read it from
// /proc. The file must be a regular file owned by the running user and
// readable by nobody else (mode 0600 or 0400); its bytes, without trailing
// newlines, are the key, at least 16 of them. The MAC is OpenSSL's
// (libcrypto's HMAC with EVP_sha256), compared in constant time.
//
// Usage:
//   std::string error;
//   auto secret = purecc::SharedSecret::from_file("/etc/purecc/secret", error);
//   if (!secret) { std::fprintf(stderr, "%s\n", error.c_str()); return; }
//   purecc::SharedSecret::Tag tag = secret->sign({"key", "value"});
//   bool ok = secret->verify({"key", "value"}, tag);
#pragma once
// A library's warnings are its own business: a user's -Wshadow must not
// fire on our locals because a global of theirs is named 'f' (hdr22).
// purecc's own targets define PURECC_RUNTIME_OWN_WARNINGS to see them.
#ifndef PURECC_RUNTIME_OWN_WARNINGS
#pragma GCC system_header
#endif

#include <array>
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace purecc {

class SharedSecret {
public:
  static constexpr std::size_t kTagBytes = 32;
  static constexpr std::size_t kMinSecretBytes = 16;
  using Tag = std::array<unsigned char, kTagBytes>;

  /// Reads and checks the secret file. On failure: nullopt and `error` says
  /// why in a few words ("is readable by its group", "is empty", ...).
  static std::optional<SharedSecret> from_file(const std::filesystem::path &file, std::string &error);
  /// A secret from bytes (tests); nullopt if shorter than kMinSecretBytes.
  static std::optional<SharedSecret> from_bytes(std::string bytes);

  /// HMAC-SHA-256 of the concatenation of `parts`.
  Tag sign(std::initializer_list<std::string_view> parts) const;
  /// Whether `tag` is the tag of `parts` (constant-time comparison).
  bool verify(std::initializer_list<std::string_view> parts, std::string_view tag) const;

private:
  explicit SharedSecret(std::string bytes) : bytes_(std::move(bytes)) {}
  std::string bytes_;
};

} // namespace purecc
