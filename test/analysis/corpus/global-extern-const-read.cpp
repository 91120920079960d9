// CORPUS: pure
// A const global defined in another file still cannot change.
extern const int k_limit;
[[pure]] bool within(int x) { return x < k_limit; }
