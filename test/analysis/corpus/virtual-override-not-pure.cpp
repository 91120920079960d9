// CORPUS: impure line=9 id=purecc-override-not-pure
// An override of a [[pure]] virtual must be [[pure]] too.
struct Shape {
  virtual ~Shape() = default;
  [[pure]] virtual double area() const { return 0; }
};
struct Circle : Shape {
  double r = 1;
  double area() const override { return 3.14159 * r * r; } // <- here
};
