// CORPUS: impure line=8|11 id=purecc-impure-call|purecc-impure-library
// Issue 14 section 1: std::make_unique<Log> runs ~Log (through unique_ptr's
// destructor), which writes a global.
#include <memory>
int g_closed = 0;
struct Log { ~Log() { ++g_closed; } int v = 0; };
[[pure]] int f(int x) {
  auto p = std::make_unique<Log>(); // <- here
  p->v = x;
  return p->v;
} // <- here
