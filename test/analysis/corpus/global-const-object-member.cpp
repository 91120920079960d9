// CORPUS: pure
// A member of a const global object, not mutable: a constant.
struct Table { int size; mutable int hits; };
const Table g_table{8, 0};
[[pure]] int wrap(int i) { return i % g_table.size; }
