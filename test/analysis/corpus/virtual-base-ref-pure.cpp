// CORPUS: pure
// A [[pure]] virtual called through a reference to the base class.
struct Base {
  virtual ~Base() = default;
  [[pure]] virtual int weight() const { return 1; }
};
struct Heavy : Base { [[pure]] int weight() const override { return 10; } };
[[pure]] int weigh(int x) {
  Heavy h;
  const Base &b = h;
  return b.weight() + x;
}
