// Parsing PURECC_CACHE_REDIS (purecc/redis_address.h).
#include "purecc/redis_address.h"

namespace purecc {

std::string RedisAddress::display() const {
  // Appended piece by piece (g++ 12 warns falsely, -Wrestrict, about
  // chains of operator+ on std::string here).
  std::string s;
  if (!socket_path.empty()) {
    s.append("unix://").append(socket_path);
    if (db != 0)
      s.append("?db=").append(std::to_string(db));
    return s;
  }
  s.append("redis://");
  if (!user.empty() || !password.empty())
    s.append(user).append(password.empty() ? "" : ":***").append("@");
  s.append(host).append(":").append(std::to_string(port));
  if (db != 0)
    s.append("/").append(std::to_string(db));
  return s;
}

namespace {
std::optional<int> parse_int(std::string_view s, int max) {
  if (s.empty() || s.size() > 9)
    return std::nullopt;
  int v = 0;
  for (char ch : s) {
    if (ch < '0' || ch > '9')
      return std::nullopt;
    v = v * 10 + (ch - '0');
  }
  if (v > max)
    return std::nullopt;
  return v;
}
} // namespace

std::optional<RedisAddress> parse_redis_url(std::string_view url, std::string &error) {
  RedisAddress a;
  if (url.starts_with("unix://")) {
    std::string_view rest = url.substr(7);
    if (const auto q = rest.find('?'); q != std::string_view::npos) {
      const std::string_view query = rest.substr(q + 1);
      rest = rest.substr(0, q);
      const auto db = query.starts_with("db=") ? parse_int(query.substr(3), 1 << 20) : std::nullopt;
      if (!db) {
        error = "has a query other than '?db=N'";
        return std::nullopt;
      }
      a.db = *db;
    }
    if (rest.empty() || rest[0] != '/') {
      error = "needs an absolute socket path (unix:///path/to/redis.sock)";
      return std::nullopt;
    }
    a.socket_path = rest;
    return a;
  }
  if (!url.starts_with("redis://")) {
    error = "is not a redis:// or unix:// URL";
    return std::nullopt;
  }
  std::string_view rest = url.substr(8);
  if (const auto at = rest.rfind('@'); at != std::string_view::npos) {
    const std::string_view cred = rest.substr(0, at);
    rest = rest.substr(at + 1);
    const auto colon = cred.find(':');
    if (colon == std::string_view::npos) {
      a.password = cred; // redis://password@host, as redis-cli reads it
    } else {
      a.user = cred.substr(0, colon);
      a.password = cred.substr(colon + 1);
    }
  }
  if (const auto slash = rest.find('/'); slash != std::string_view::npos) {
    const std::string_view db = rest.substr(slash + 1);
    rest = rest.substr(0, slash);
    if (!db.empty()) {
      const auto n = parse_int(db, 1 << 20);
      if (!n) {
        error = "has a database that is not a number";
        return std::nullopt;
      }
      a.db = *n;
    }
  }
  if (const auto colon = rest.rfind(':'); colon != std::string_view::npos && rest.find(']') == std::string_view::npos) {
    const auto port = parse_int(rest.substr(colon + 1), 65535);
    if (!port || *port == 0) {
      error = "has a port that is not a number from 1 to 65535";
      return std::nullopt;
    }
    a.port = *port;
    rest = rest.substr(0, colon);
  }
  if (rest.size() > 2 && rest.front() == '[' && rest.back() == ']')
    rest = rest.substr(1, rest.size() - 2);
  if (rest.empty()) {
    error = "has no host";
    return std::nullopt;
  }
  a.host = rest;
  return a;
}

} // namespace purecc
