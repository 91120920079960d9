// CORPUS: pure
// const and constexpr globals cannot change between calls.
const int k_base = 10;
constexpr double k_weights[] = {0.5, 0.25, 0.25};
[[pure]] double weigh(int i) { return k_base * k_weights[i % 3]; }
