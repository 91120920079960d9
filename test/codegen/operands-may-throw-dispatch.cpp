// A call of a virtual member may run an override the unit does not show, so
// it counts as "may throw" -- unless the call names the member it runs: a
// qualified call `d.Shape::area(i)` (found by adv23, R4), a call on a local
// object (its dynamic type is its declared type), or a `final` member or
// class. Those are judged by the body they run, as any direct call is.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <array>
#include <cstdio>
#include <stdexcept>
#include <type_traits>
#include <vector>

[[pure]] long heavy(long i) {
  long x = i;
  for (long k = 0; k < 300; ++k)
    x = (x * 31 + k) % 1000003;
  return x;
}

struct Shape {
  virtual ~Shape() = default;
  [[pure]] virtual long area(long x) const { return heavy(x) % 7; }
};
struct Square final : Shape {
  [[pure]] long area(long x) const override { return heavy(x) % 5; }
};
struct Thrower : Shape {
  [[pure]] long area(long x) const override {
    if (x == 1500)
      throw std::runtime_error("area of 1500");
    return heavy(x) % 3;
  }
};

// A program's own specialization of a standard container is not the
// library's: what it hands out may be of another type (adv80 F3), and its
// members are the program's, judged as the program's code is (adv83 F3).
struct Special : Shape {};
template <> struct std::array<Special, 1> {
  Thrower t;
  const Shape &operator[](std::size_t) const noexcept { return t; }
};
// Nor is a partial one, and an allocator of the program's own with a
// `construct` may make another object than the element type (adv81 A4).
struct Partial : Shape {};
template <class A> class std::vector<Partial, A> {
public:
  Thrower t;
  const Shape &operator[](std::size_t) const noexcept { return t; }
};
// Nor one of its members the program specializes (adv83 F4).
struct Member : Shape {};
struct MemberThrower : Member {
  [[pure]] long area(long x) const override {
    if (x == 1500)
      throw std::runtime_error("area of 1500");
    return heavy(x) % 3;
  }
};
const MemberThrower member_thrower{};
template <>
constexpr std::vector<Member>::const_reference
std::vector<Member>::operator[](size_type n) const noexcept {
  if (std::is_constant_evaluated())
    return data()[n];
  return member_thrower;
}
template <class T> struct Sneaky {
  using value_type = T;
  Sneaky() = default;
  template <class U> Sneaky(const Sneaky<U> &) {}
  T *allocate(std::size_t n) { return static_cast<T *>(::operator new(n * sizeof(Thrower))); }
  void deallocate(T *p, std::size_t) { ::operator delete(p); }
  template <class U> void construct(U *p) { ::new ((void *)p) Thrower(); }
  friend bool operator==(const Sneaky &, const Sneaky &) { return true; }
};

[[pure]] long qualified(long i) {
  Square q;
  return q.Shape::area(i) + 1;
}
[[pure]] long local_object(long i) {
  Shape s;
  return s.area(i);
}
[[pure]] long final_member(const Square &q, long i) { return q.area(i); }
[[pure]] long dynamic(const Shape &s, long i) { return s.area(i); }
[[pure]] long qualified_thrower(long i) {
  Thrower t;
  return t.Thrower::area(i);
}

int main() {
  Square sq;
  Thrower th;
  long a = 0, b = 0, c = 0, d = 0, e = 0;
  for (long i = 0; i < 3000; ++i)
    a += qualified(i);
  // REMARK: operands-may-throw-dispatch.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'a' [purecc-reduction]
  for (long i = 0; i < 3000; ++i)
    b += local_object(i);
  // REMARK: operands-may-throw-dispatch.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'b' [purecc-reduction]
  for (long i = 0; i < 3000; ++i)
    c += final_member(sq, i);
  // REMARK: operands-may-throw-dispatch.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'c' [purecc-reduction]
  try {
    for (long i = 0; i < 3000; ++i)
      d += dynamic(th, i);
    // REMARK: operands-may-throw-dispatch.cpp:[[@LINE-2]]:5: remark: loop not parallelized: 'dynamic' may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
  } catch (const std::exception &x) {
    std::printf("dynamic: %s after %ld\n", x.what(), d);
  }
  try {
    for (long i = 0; i < 3000; ++i)
      e += qualified_thrower(i);
    // REMARK: operands-may-throw-dispatch.cpp:[[@LINE-2]]:5: remark: loop not parallelized: 'qualified_thrower' may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
  } catch (const std::exception &x) {
    std::printf("qualified thrower: %s after %ld\n", x.what(), e);
  }
  // The member called straight from the loop body on a local object runs
  // as written (adv77 F12: "'area' may throw" refused the first two).
  Shape local;
  long f = 0, g = 0, h = 0;
  for (long i = 0; i < 3000; ++i)
    f += local.area(i);
  // REMARK: operands-may-throw-dispatch.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'f' [purecc-reduction]
  for (long i = 0; i < 3000; ++i)
    g += sq.area(i) + local.Shape::area(i);
  // REMARK: operands-may-throw-dispatch.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'g' [purecc-reduction]
  try {
    for (long i = 0; i < 3000; ++i)
      h += th.area(i);
    // REMARK: operands-may-throw-dispatch.cpp:[[@LINE-2]]:5: remark: loop not parallelized: 'area' may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
  } catch (const std::exception &x) {
    std::printf("local thrower: %s after %ld\n", x.what(), h);
  }
  const std::array<Special, 1> special{};
  long sp = 0;
  try {
    for (long i = 0; i < 3000; ++i)
      sp += special[0].area(i);
    // REMARK: operands-may-throw-dispatch.cpp:[[@LINE-2]]:5: remark: loop not parallelized: 'std::array<Special, 1>::operator[]' is not known to be pure [purecc-missed-reduction]
  } catch (const std::exception &x) {
    std::printf("special: %s after %ld\n", x.what(), sp);
  }
  const std::vector<Partial> partial{};
  long pa = 0;
  try {
    for (long i = 0; i < 3000; ++i)
      pa += partial[0].area(i);
    // REMARK: operands-may-throw-dispatch.cpp:[[@LINE-2]]:5: remark: loop not parallelized: 'std::vector<Partial>::operator[]' is not known to be pure [purecc-missed-reduction]
  } catch (const std::exception &x) {
    std::printf("partial: %s after %ld\n", x.what(), pa);
  }
  const std::vector<Member> member(1);
  long me = 0;
  try {
    for (long i = 0; i < 3000; ++i)
      me += member[0].area(i);
    // REMARK: operands-may-throw-dispatch.cpp:[[@LINE-2]]:5: remark: loop not parallelized: 'std::vector<Member>::operator[]' is not known to be pure [purecc-missed-reduction]
  } catch (const std::exception &x) {
    std::printf("member: %s after %ld\n", x.what(), me);
  }
  std::vector<Shape, Sneaky<Shape>> sneaky;
  sneaky.emplace_back();
  long sn = 0;
  try {
    for (long i = 0; i < 3000; ++i)
      sn += sneaky[0].area(i);
    // REMARK: operands-may-throw-dispatch.cpp:[[@LINE-2]]:5: remark: loop not parallelized: 'area' (virtual: an override purecc does not see may run; 'final' or 'noexcept' on it would rule that out) may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
  } catch (const std::exception &x) {
    std::printf("allocator: %s after %ld\n", x.what(), sn);
  }
  // So does one on an element of an array or a standard container, or on
  // a data member: each is an object of its declared type (a vector of
  // Shape holds Shape objects). Through a pointer it may be any Shape.
  std::vector<Shape> shapes(2);
  Shape row[2];
  struct Holder { Shape s; } holder;
  const Shape *through = &shapes[1];
  long m = 0, n = 0;
  for (long i = 0; i < 3000; ++i)
    m += shapes[i % 2].area(i);
  // REMARK: operands-may-throw-dispatch.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'm' [purecc-reduction]
  for (long i = 0; i < 3000; ++i)
    m += shapes.front().area(i);
  // REMARK: operands-may-throw-dispatch.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'm' [purecc-reduction]
  for (long i = 0; i < 3000; ++i)
    m += row[i % 2].area(i);
  // REMARK: operands-may-throw-dispatch.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'm' [purecc-reduction]
  for (long i = 0; i < 3000; ++i)
    m += holder.s.area(i);
  // REMARK: operands-may-throw-dispatch.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'm' [purecc-reduction]
  for (long i = 0; i < 3000; ++i)
    n += through->area(i);
  // REMARK: operands-may-throw-dispatch.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'area' (virtual: an override purecc does not see may run; 'final' or 'noexcept' on it would rule that out) may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
  std::printf("%ld %ld %ld %ld %ld %ld %ld\n", a, b, c, f, g, m, n);
  return 0;
}
// OUT: dynamic: area of 1500 after 1498
// OUT-NEXT: qualified thrower: area of 1500 after 1498
// OUT-NEXT: local thrower: area of 1500 after 1498
// OUT-NEXT: special: area of 1500 after 1498
// OUT-NEXT: partial: area of 1500 after 1498
// OUT-NEXT: member: area of 1500 after 1498
// OUT-NEXT: allocator: area of 1500 after 1498
// OUT-NEXT: 12018 9018 5985 9018 15003 36072 9018
