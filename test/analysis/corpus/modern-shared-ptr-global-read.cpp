// CORPUS: impure line=7 id=purecc-global-read|purecc-global-write
// Copying a global shared_ptr reads the global and bumps the count it shares
// with the copy (g_config.use_count() changes): either ID is right.
#include <memory>
std::shared_ptr<int> g_config = std::make_shared<int>(3);
[[pure]] int configured(int x) {
  std::shared_ptr<int> c = g_config; // <- here
  return x + *c;
}
