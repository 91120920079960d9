// CORPUS: pure
// A qualified call is not virtual.
struct Base { virtual ~Base() = default; virtual int id() const { return 1; } };
struct Derived : Base { int id() const override { return 2; } };
[[pure]] int base_id(const Derived &d) { return d.Base::id(); }
