// CORPUS: pure
// std::hash of a string and chrono duration arithmetic.
#include <chrono>
#include <functional>
#include <string>
[[pure]] long mix(const std::string &s, long ms) {
  std::chrono::milliseconds d(ms);
  auto secs = std::chrono::duration_cast<std::chrono::seconds>(d + std::chrono::minutes(1));
  return static_cast<long>(std::hash<std::string>{}(s) % 1000) + secs.count();
}
