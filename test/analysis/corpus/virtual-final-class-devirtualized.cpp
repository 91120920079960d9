// CORPUS: pure
// A call on a final class is devirtualized: an ordinary call to a pure body.
struct Shape { virtual ~Shape() = default; virtual double area() const = 0; };
struct Square final : Shape {
  double side = 2;
  double area() const override { return side * side; }
};
[[pure]] double sq_area(const Square &s) { return s.area(); }
