// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
//
// R5: a virtual call is allowed only to a method declared [[pure]] in the
// static type; an override of a [[pure]] virtual must be [[pure]] too.
struct Shape {
  [[pure]] virtual double area() const { return 0; } // expected-note {{'Shape::area' declared pure here}}
  virtual double perimeter() const { return 0; } // expected-note {{'Shape::perimeter' has a pure body; declare it '[[pure]]'}}
  virtual ~Shape() = default; // expected-note 2 {{'Shape::~Shape' has a pure body; declare it '[[pure]]'}}
};

struct Square : Shape {
  double side = 1;
  double area() const override { return side * side; } // expected-error {{'Square::area' overrides 'Shape::area', which is declared '[[pure]]', but is not declared '[[pure]]' itself [purecc-override-not-pure]}}
  double perimeter() const override { return 4 * side; }
};

struct Circle final : Shape {
  double r = 1;
  [[pure]] double area() const override { return 3.14159 * r * r; }
  double perimeter() const override { return 6.28318 * r; }
};

[[pure]] double total_area(const Shape &s) {
  return s.area();
}

[[pure]] double outline(const Shape &s) { // expected-note {{'outline' declared pure here}}
  return s.perimeter(); // expected-error {{pure function 'outline' makes a virtual call to 'Shape::perimeter', which is not declared '[[pure]]' [purecc-virtual-call]}}
}

// Accepted: a final class devirtualizes the call; the body is judged.
[[pure]] double circle_outline(const Circle &c) {
  return c.perimeter();
}

// `delete` through a base whose destructor is virtual runs the destructor
// of the object's dynamic type, and so does an explicit `p->~Base()`: a
// virtual call to the destructor (adv28 W5). Shape's is defaulted, but
// a class not written yet may override it.
long g_freed = 0;
struct Tracer : Shape {
  ~Tracer() override { ++g_freed; }
};

[[pure]] double make_and_drop(double side) { // expected-note 2 {{'make_and_drop' declared pure here}}
  Shape *s = new Square;
  double a = s->area();
  delete s; // expected-error {{pure function 'make_and_drop' makes a virtual call to 'Shape::~Shape', which is not declared '[[pure]]' [purecc-virtual-call]}}
  Shape *t = new Square;
  t->~Shape(); // expected-error {{pure function 'make_and_drop' makes a virtual call to 'Shape::~Shape', which is not declared '[[pure]]' [purecc-virtual-call]}}
  return a * side;
}

// Accepted: a destructor declared [[pure]] (its overrides must be too), and
// delete that Clang devirtualizes (a final class).
struct Solid {
  [[pure]] virtual ~Solid() {}
};
struct Cube : Solid {
  [[pure]] ~Cube() override {}
};
[[pure]] long drop_solid(long x) {
  Solid *s = new Cube;
  delete s;
  Circle *c = new Circle;
  delete c;
  return x;
}
