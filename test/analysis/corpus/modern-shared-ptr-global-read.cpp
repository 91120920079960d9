// CORPUS: impure line=6 id=purecc-global-read
// Copying a global shared_ptr reads (and bumps the count of) a global.
#include <memory>
std::shared_ptr<int> g_config = std::make_shared<int>(3);
[[pure]] int configured(int x) {
  std::shared_ptr<int> c = g_config; // <- here
  return x + *c;
}
