// Environment parsing for memoization (purecc/memo_config.h): every bad value
// becomes one entry of `problems` and turns the disk tier off.
#include "purecc/memo_config.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace purecc {

std::string_view to_string(MemoMode mode) noexcept {
  switch (mode) {
  case MemoMode::off: return "off";
  case MemoMode::mem: return "mem";
  case MemoMode::disk: return "disk";
  }
  return "?";
}

std::optional<std::uint64_t> parse_byte_size(std::string_view text) {
  std::size_t i = 0;
  std::uint64_t whole = 0;
  bool digits = false;
  for (; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i, digits = true) {
    if (whole > (UINT64_MAX - 9) / 10)
      return std::nullopt;
    whole = whole * 10 + static_cast<std::uint64_t>(text[i] - '0');
  }
  double fraction = 0, scale = 0.1;
  if (i < text.size() && text[i] == '.') {
    for (++i; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i, scale /= 10) {
      fraction += (text[i] - '0') * scale;
      digits = true;
    }
  }
  if (!digits)
    return std::nullopt;
  std::string unit;
  for (; i < text.size(); ++i)
    unit += static_cast<char>(std::toupper(static_cast<unsigned char>(text[i])));
  int shift = 0;
  if (!unit.empty() && unit != "B") {
    const std::string_view units = "KMGT";
    const auto pos = units.find(unit[0]);
    if (pos == std::string_view::npos)
      return std::nullopt;
    const std::string_view rest = std::string_view(unit).substr(1);
    if (!rest.empty() && rest != "B" && rest != "IB")
      return std::nullopt;
    shift = 10 * static_cast<int>(pos + 1);
  }
  if (shift != 0 && whole > (UINT64_MAX >> shift))
    return std::nullopt;
  if (shift == 0 && fraction != 0)
    return std::nullopt; // a fraction of a byte
  return (whole << shift) + static_cast<std::uint64_t>(std::ldexp(fraction, shift));
}

std::string format_byte_size(std::uint64_t bytes) {
  if (bytes < 1024)
    return std::to_string(bytes) + " B";
  const char *units[] = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
  double v = static_cast<double>(bytes) / 1024;
  int u = 0;
  while (v >= 1024 && u < 5) {
    v /= 1024;
    ++u;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f %s", v, units[u]);
  return buf;
}

std::string format_duration(std::chrono::nanoseconds d) {
  const double ns = static_cast<double>(d.count());
  char buf[32];
  if (ns < 1e3)
    std::snprintf(buf, sizeof buf, "%.0f ns", ns);
  else if (ns < 1e6)
    std::snprintf(buf, sizeof buf, "%.1f us", ns / 1e3);
  else if (ns < 1e9)
    std::snprintf(buf, sizeof buf, "%.1f ms", ns / 1e6);
  else
    std::snprintf(buf, sizeof buf, "%.2f s", ns / 1e9);
  return buf;
}

namespace {
void add_problem(std::string &problems, const char *var, std::string_view value, const char *what) {
  if (!problems.empty())
    problems += "; ";
  problems += var;
  problems += "='";
  problems += value;
  problems += "' ";
  problems += what;
}

std::optional<double> parse_millis(std::string_view text) {
  if (text.empty())
    return std::nullopt;
  // Plain decimal digits with at most one point: no sign, exponent, hex
  // or `inf` (adv94 F4: strtod took `0x10`, `1e3`, `+3`, `1e-400`).
  bool point = false, digit = false;
  for (char ch : text) {
    if (ch == '.' && !point)
      point = true;
    else if (ch >= '0' && ch <= '9')
      digit = true;
    else
      return std::nullopt;
  }
  if (!digit)
    return std::nullopt;
  std::string s(text);
  const double v = std::strtod(s.c_str(), nullptr);
  if (!std::isfinite(v) || v > 1e9)
    return std::nullopt;
  return v;
}
std::optional<std::chrono::milliseconds> parse_timeout(std::string_view text) {
  const std::optional<double> ms = parse_millis(text);
  if (!ms || *ms < 1 || *ms > 600000)
    return std::nullopt;
  return std::chrono::milliseconds(static_cast<std::int64_t>(*ms));
}

/// The shared tier's variables: problems go to `shared_problems`, and any
/// problem switches the shared tier (only) off.
void read_shared_settings(const std::function<const char *(const char *)> &getenv, MemoConfig &c) {
  std::string &bad = c.shared_problems;
  if (const char *v = getenv("PURECC_CACHE_REDIS"); v && *v)
    c.shared_url = v;
  if (const char *v = getenv("PURECC_CACHE_SECRET_FILE"); v && *v) {
    c.secret_file = v;
    if (!c.secret_file.is_absolute())
      add_problem(bad, "PURECC_CACHE_SECRET_FILE", v, "is not an absolute path");
  }
  if (const char *v = getenv("PURECC_CACHE_TRUST_UNSIGNED"); v && *v) {
    const std::string_view s = v;
    if (s == "1")
      c.trust_unsigned = true;
    else if (s != "0")
      add_problem(bad, "PURECC_CACHE_TRUST_UNSIGNED", s, "is not 0 or 1");
  }
  if (const char *v = getenv("PURECC_CACHE_REDIS_PREFIX"); v && *v) {
    const std::string_view s = v;
    if (s.size() > 200 || s.find_first_of(" \t\r\n") != std::string_view::npos)
      add_problem(bad, "PURECC_CACHE_REDIS_PREFIX", s, "has white space or is longer than 200 bytes");
    else
      c.shared_prefix = s;
  }
  if (const char *v = getenv("PURECC_CACHE_REDIS_CONNECT_MS"); v && *v) {
    if (auto t = parse_timeout(v))
      c.shared_connect_timeout = *t;
    else
      add_problem(bad, "PURECC_CACHE_REDIS_CONNECT_MS", v, "is not a number of milliseconds from 1 to 600000");
  }
  if (const char *v = getenv("PURECC_CACHE_REDIS_TIMEOUT_MS"); v && *v) {
    if (auto t = parse_timeout(v))
      c.shared_command_timeout = *t;
    else
      add_problem(bad, "PURECC_CACHE_REDIS_TIMEOUT_MS", v, "is not a number of milliseconds from 1 to 600000");
  }
}
} // namespace

MemoConfig MemoConfig::from_environment(const std::function<const char *(const char *)> &getenv) {
  MemoConfig c;
  std::string &bad = c.problems;
  if (const char *v = getenv("PURECC_MEMO"); v && *v) {
    const std::string_view s = v;
    if (s == "off")
      c.mode = MemoMode::off;
    else if (s == "mem")
      c.mode = MemoMode::mem;
    else if (s == "disk")
      c.mode = MemoMode::disk;
    else
      add_problem(bad, "PURECC_MEMO", s, "is not one of off, mem, disk");
  }
  if (const char *v = getenv("PURECC_CACHE_DIR"); v && *v) {
    c.cache_dir = v;
    if (!c.cache_dir.is_absolute())
      add_problem(bad, "PURECC_CACHE_DIR", v, "is not an absolute path");
  } else if (const char *xdg = getenv("XDG_CACHE_HOME"); xdg && *xdg && xdg[0] == '/') {
    c.cache_dir = std::filesystem::path(xdg) / "purecc";
  } else if (const char *home = getenv("HOME"); home && home[0] == '/') {
    c.cache_dir = std::filesystem::path(home) / ".cache" / "purecc";
  } else if (c.mode == MemoMode::disk) {
    add_problem(bad, "HOME", home ? home : "", "is not set and PURECC_CACHE_DIR is empty");
  }
  if (const char *v = getenv("PURECC_CACHE_MAX_SIZE"); v && *v) {
    if (auto n = parse_byte_size(v))
      c.disk_max_bytes = *n;
    else
      add_problem(bad, "PURECC_CACHE_MAX_SIZE", v, "is not a size (like 100M or 5G)");
  }
  if (const char *v = getenv("PURECC_MEMO_MEM_SIZE"); v && *v) {
    if (auto n = parse_byte_size(v))
      c.memory_budget = *n;
    else
      add_problem(bad, "PURECC_MEMO_MEM_SIZE", v, "is not a size (like 64M or 1G)");
  }
  if (const char *v = getenv("PURECC_MEMO_MIN_MS"); v && *v) {
    if (auto ms = parse_millis(v))
      c.min_persist_time = std::chrono::nanoseconds(static_cast<std::int64_t>(*ms * 1e6));
    else
      add_problem(bad, "PURECC_MEMO_MIN_MS", v, "is not a number of milliseconds");
  }
  if (const char *v = getenv("PURECC_STATS"); v && *v) {
    const std::string_view s = v;
    if (s == "1")
      c.print_stats = true;
    else if (s != "0")
      add_problem(bad, "PURECC_STATS", s, "is not 0 or 1");
  }
  read_shared_settings(getenv, c);
  if (!bad.empty() && c.mode == MemoMode::disk)
    c.mode = MemoMode::mem;
  return c;
}

MemoConfig MemoConfig::from_environment() {
  return from_environment([](const char *name) -> const char * { return std::getenv(name); });
}

} // namespace purecc
