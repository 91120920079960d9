// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
//
// R5: a virtual call is allowed only to a method declared [[pure]] in the
// static type; an override of a [[pure]] virtual must be [[pure]] too.
#include <coroutine>
#include <exception>
#include <memory>
#include <stdexcept>
#include <vector>

struct Shape {
  [[pure]] virtual double area() const { return 0; } // expected-note {{'Shape::area' declared pure here}}
  virtual double perimeter() const { return 0; } // expected-note {{'Shape::perimeter' has a pure body; declare it '[[pure]]'}}
  virtual ~Shape() = default; // expected-note 3 {{'Shape::~Shape' has a pure body; declare it '[[pure]]'}}
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
  [[pure]] virtual ~Solid() {} // expected-note {{'Solid::~Solid' declared pure here}}
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

// The library deletes too: `~unique_ptr<Shape>` runs `delete` on a
// 'Shape *', whatever it was made from (a 'Tracer' here).
[[pure]] double owned_shape(double side) { // expected-note {{'owned_shape' declared pure here}}
  std::unique_ptr<Shape> s(new Tracer); // expected-error {{pure function 'owned_shape' makes a virtual call to 'Shape::~Shape', which is not declared '[[pure]]' [purecc-virtual-call]}} expected-note {{the destructor of 'std::unique_ptr<Shape>' destroys a 'Shape' here}}
  return s->area() * side;
}

// Accepted: a unique_ptr of a class whose destructor is declared [[pure]],
// and one of a final class.
[[pure]] long owned_solid(long x) {
  std::unique_ptr<Solid> s(new Cube);
  std::unique_ptr<Circle> c(new Circle);
  return x;
}

// A class that declares no destructor gets an implicit one, which
// overrides '~Solid' too: `delete solid` trusts it, so it must be pure.
struct Closer {
  ~Closer() { ++g_freed; } // expected-note {{'Closer::~Closer' is not pure because it writes to global 'g_freed'}}
};
struct Leaky : Solid { // expected-error {{'Leaky::~Leaky' overrides 'Solid::~Solid', which is declared '[[pure]]', but is not declared '[[pure]]' itself [purecc-override-not-pure]}} expected-note {{'Leaky::~Leaky' is not pure because it calls 'Closer::~Closer', which is not pure}}
  Closer c;
};
struct Sealed : Solid { // accepted: its implicit destructor is pure
  Circle c;
};

// The library's public polymorphic classes are bases a user derives from:
// `~unique_ptr<std::exception>` may destroy a 'Failure', as `delete` of a
// 'std::exception *' may. Its internal ones are not (shared_ptr's control
// block is the library's), and the trivial awaitables are value classes.
long g_failures = 0;
struct Failure : std::exception {
  ~Failure() override { ++g_failures; }
};
[[pure]] long held_exception(long x) { // expected-note {{'held_exception' declared pure here}}
  std::unique_ptr<std::exception> e(new Failure); // expected-error {{pure function 'held_exception' makes a virtual call to 'std::exception::~exception', which is not declared '[[pure]]' [purecc-virtual-call]}} expected-note {{the destructor of 'std::unique_ptr<std::exception>' destroys a 'std::exception' here}}
  return x;
}
[[pure]] long shared_values(long n) {
  auto v = std::make_shared<std::vector<long>>(n, 1);
  std::shared_ptr<const std::vector<long>> c = v;
  std::suspend_never s;
  return long(c->size()) + s.await_ready();
}

// A virtual member named by pointer, given to std::invoke or as a
// projection, is called virtually (adv87 F07: 'Shape2::area' was taken for
// the call, and an override that counted calls ran unseen). One declared
// pure, or one of a final class, is not.
#include <algorithm>
#include <functional>
struct Shape2 { virtual long area() const { return 1; } virtual ~Shape2() = default; }; // expected-note 2 {{'Shape2::area' has a pure body; declare it '[[pure]]'}}
[[pure]] long by_invoke(const Shape2 &s) { return std::invoke(&Shape2::area, s); } // expected-error {{pure function 'by_invoke' makes a virtual call to 'Shape2::area', which is not declared '[[pure]]' [purecc-virtual-call]}} expected-note {{'by_invoke' declared pure here}}
[[pure]] long by_projection(const std::vector<const Shape2 *> &v) { return std::ranges::count(v, 1L, &Shape2::area); } // expected-error {{pure function 'by_projection' makes a virtual call to 'Shape2::area', which is not declared '[[pure]]' [purecc-virtual-call]}} expected-note {{'by_projection' declared pure here}}
struct Sealed2 final : Shape2 { long area() const override { return 2; } };
[[pure]] long sealed(const Sealed2 &s) { return std::invoke(&Sealed2::area, s); }
struct Pure2 { [[pure]] virtual long area() const { return 3; } virtual ~Pure2() = default; };
[[pure]] long declared(const Pure2 &s) { return std::invoke(&Pure2::area, s); }
