// CORPUS: impure line=6 id=purecc-cast-write
// Placement new into a global buffer writes memory the function does not own.
#include <new>
alignas(int) unsigned char g_storage[sizeof(int)];
[[pure]] int emplace(int x) {
  int *p = ::new (static_cast<void *>(g_storage)) int(x); // <- here
  return p != nullptr; // (`*p` would also read the global: p points there)
}
