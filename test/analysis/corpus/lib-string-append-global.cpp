// CORPUS: impure line=6 id=purecc-global-write
// Appending to a global string.
#include <string>
std::string g_journal;
[[pure]] int note(int x) {
  g_journal += 'x'; // <- here
  return x;
}
