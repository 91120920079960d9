// CORPUS: pure
// A variadic template with a fold expression.
template <class... Ts> constexpr auto sum(Ts... xs) { return (xs + ... + 0); }
[[pure]] long sum4(int a, long b, short c, int d) { return sum(a, b, c, d); }
