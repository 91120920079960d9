// purecc/redis_address.h — where the shared memo tier's Redis server is (PURECC_CACHE_REDIS).
//
// Why its own parser: hiredis 0.14 takes a host and port or a socket path,
// not a URL, and the URL forms users know from redis-cli carry a user, a
// password and a database too. The password never appears in messages
// (display() masks it).
//
// Usage:
//   std::string error;
//   if (auto a = purecc::parse_redis_url("redis://purecc:pw@cache:6379/1", error))
//     std::puts(a->display().c_str());   // redis://purecc:***@cache:6379/1
//   else
//     std::fprintf(stderr, "PURECC_CACHE_REDIS %s\n", error.c_str());
#pragma once
// A library's warnings are its own business: a user's -Wshadow must not
// fire on our locals because a global of theirs is named 'f' (hdr22).
// purecc's own targets define PURECC_RUNTIME_OWN_WARNINGS to see them.
#ifndef PURECC_RUNTIME_OWN_WARNINGS
#pragma GCC system_header
#endif

#include <optional>
#include <string>
#include <string_view>

namespace purecc {

/// Where the Redis server is: a TCP host and port or a unix socket.
struct RedisAddress {
  std::string host;        ///< empty for a unix socket
  int port = 6379;
  std::string socket_path; ///< set for unix://
  std::string user;        ///< ACL user ("" = default)
  std::string password;    ///< "" = no AUTH
  int db = 0;
  /// The URL without the password, for messages.
  std::string display() const;
};

/// Parses redis://[user:password@]host[:port][/db] and unix:///path[?db=N];
/// nullopt and `error` (a few words) if malformed.
std::optional<RedisAddress> parse_redis_url(std::string_view url, std::string &error);

} // namespace purecc
