// CORPUS: pure
// constexpr and consteval helpers.
constexpr int cube(int x) { return x * x * x; }
consteval int k() { return cube(3); }
[[pure]] int f(int x) { return cube(x) + k(); }
