// CORPUS: pure
// A call on a local object: its dynamic type is known.
struct Base { virtual ~Base() = default; virtual int id() const { return 1; } };
struct Derived : Base { int id() const override { return 2; } };
[[pure]] int local_id(int x) {
  Derived d;
  return d.id() + x;
}
