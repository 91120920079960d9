// CORPUS: impure line=6 id=purecc-global-write
// memcpy writes its destination range: a global buffer here.
#include <cstring>
char g_buf[16];
[[pure]] int stash(int x) {
  std::memcpy(g_buf, &x, sizeof x); // <- here
  return x;
}
