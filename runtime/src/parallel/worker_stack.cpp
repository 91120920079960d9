// worker_stack.cpp — the stack purecc's worker threads get
// (purecc/worker_stack.h).
#include "purecc/worker_stack.h"

#include <pthread.h>
#include <sys/resource.h>

#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <limits>

namespace purecc {

namespace detail {

std::optional<std::size_t> parse_stack_size(std::string_view text) noexcept {
  auto blank = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && blank(text.back())) text.remove_suffix(1);
  std::size_t digits = 0;
  std::uint64_t value = 0;
  constexpr std::uint64_t kMax = std::numeric_limits<std::size_t>::max();
  for (; digits < text.size() && text[digits] >= '0' && text[digits] <= '9'; ++digits) {
    value = value * 10 + static_cast<std::uint64_t>(text[digits] - '0');
    if (value > kMax) return std::nullopt;
  }
  if (digits == 0 || value == 0) return std::nullopt;
  std::string_view unit = text.substr(digits);
  while (!unit.empty() && blank(unit.front())) unit.remove_prefix(1);
  int shift = 10;  // K when no unit is written
  if (unit.size() > 1) return std::nullopt;
  if (unit.size() == 1) {
    switch (unit.front()) {
      case 'b': case 'B': shift = 0; break;
      case 'k': case 'K': shift = 10; break;
      case 'm': case 'M': shift = 20; break;
      case 'g': case 'G': shift = 30; break;
      default: return std::nullopt;
    }
  }
  if (value > (kMax >> shift)) return std::nullopt;
  return static_cast<std::size_t>(value << shift);
}

}  // namespace detail

std::size_t worker_stack_size() noexcept {
  std::size_t size = 0;
  std::optional<std::size_t> parsed;
  if (const char* env = std::getenv("OMP_STACKSIZE"); env && *env)
    parsed = detail::parse_stack_size(env);
  rlimit limit{};
  if (parsed) {
    size = *parsed;
  } else if (getrlimit(RLIMIT_STACK, &limit) == 0) {
    size = limit.rlim_cur == RLIM_INFINITY ||
                   limit.rlim_cur > std::numeric_limits<std::size_t>::max()
               ? kUnlimitedWorkerStack
               : static_cast<std::size_t>(limit.rlim_cur);
  }
  // Never below what a thread gets by default, nor below what the serial
  // program's main thread had (adv59 t07: OMP_STACKSIZE=256K overflowed a
  // recursion the serial program ran); a soft limit lowered after start-up
  // does not shrink glibc's default either.
  pthread_attr_t attr;
  if (pthread_attr_init(&attr) == 0) {
    std::size_t fallback = 0;
    if (pthread_attr_getstacksize(&attr, &fallback) == 0 && fallback > size) size = fallback;
    pthread_attr_destroy(&attr);
  }
  return size;
}

}  // namespace purecc
