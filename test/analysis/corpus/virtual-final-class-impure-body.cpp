// CORPUS: impure line=10 id=purecc-impure-call
// Devirtualized, but the body that runs writes a global.
int g_area_calls = 0;
struct Shape { virtual ~Shape() = default; virtual double area() const = 0; };
struct Square final : Shape {
  double side = 2;
  double area() const override { ++g_area_calls; return side * side; }
};
[[pure]] double sq_area(const Square &s) {
  return s.area(); // <- here
}
