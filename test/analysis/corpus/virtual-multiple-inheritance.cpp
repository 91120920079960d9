// CORPUS: pure
// Non-virtual members reached through multiple inheritance.
struct A { int a = 1; int get_a() const { return a; } };
struct B { int b = 2; int get_b() const { return b; } };
struct C : A, B { int sum() const { return get_a() + get_b(); } };
[[pure]] int c_sum(const C &c) { return c.sum(); }
