// CORPUS: impure line=5 id=purecc-impure-library
// The clock changes between calls.
#include <chrono>
[[pure]] long stamp(long x) {
  return x + std::chrono::system_clock::now().time_since_epoch().count(); // <- here
}
