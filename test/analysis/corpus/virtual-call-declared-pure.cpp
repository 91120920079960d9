// CORPUS: pure
// R5: a virtual call to a [[pure]] method; the overrides are [[pure]] too.
struct Shape {
  virtual ~Shape() = default;
  [[pure]] virtual double area() const = 0;
};
struct Square : Shape {
  double side = 1;
  [[pure]] double area() const override { return side * side; }
};
[[pure]] double twice_area(const Shape &s) { return 2 * s.area(); }
