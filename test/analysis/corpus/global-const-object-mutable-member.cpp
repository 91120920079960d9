// CORPUS: impure line=6 id=purecc-global-read
// A mutable member of a const global can change: reading it is a global read.
struct Table { int size; mutable int hits; };
const Table g_table{8, 0};
[[pure]] int hits_plus(int i) {
  return i + g_table.hits; // <- here
}
