// CORPUS: impure line=8 id=purecc-impure-call|purecc-impure-library
// std::map<K,T>::operator[] default-constructs a T that writes a global.
#include <map>
int g_made = 0;
struct Entry { int hits = 0; Entry() { ++g_made; } };
[[pure]] int f(int k) {
  std::map<int, Entry> m;
  m[k].hits = 1; // <- here
  return m.at(k).hits;
}
