// CORPUS: impure line=5 id=purecc-virtual-call
// R5: a virtual call to a method not declared [[pure]].
struct Shape { virtual ~Shape() = default; virtual double area() const = 0; };
[[pure]] double twice_area(const Shape &s) {
  return 2 * s.area(); // <- here
}
