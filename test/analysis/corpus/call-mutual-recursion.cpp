// CORPUS: pure
// Mutual recursion through an inferred helper.
bool is_odd(unsigned n);
[[pure]] bool is_even(unsigned n) { return n == 0 ? true : is_odd(n - 1); }
bool is_odd(unsigned n) { return n == 0 ? false : is_even(n - 1); }
