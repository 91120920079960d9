// Three memoized functions whose values depend on language options that
// define no macro they read: the standard (std::string_view is
// constructible from a std::vector<char> & only in C++23), copy elision and
// access checking (adv85 F3, F4).
#include <cstdio>
#include <string_view>
#include <type_traits>
#include <vector>

[[pure]] [[purecc::memo]] long by_standard(long n) {
  long s = 0;
  for (long i = 0; i < n; ++i)
    s += std::is_constructible_v<std::string_view, std::vector<char> &> ? 2 : 3;
  return s;
}

struct Copies {
  long n = 0;
  Copies() = default;
  Copies(const Copies &o) : n(o.n + 1) {}
  Copies(Copies &&o) : n(o.n + 10) {}
};
[[pure]] Copies make(long i) {
  Copies c;
  c.n = i % 2;
  return c;
}
[[pure]] [[purecc::memo]] long by_elision(long n) {
  long s = 0;
  for (long i = 0; i < n; ++i)
    s += make(i).n;
  return s;
}

class Sealed {
  long secret = 3;

public:
  long open = 1;
};
template <class T> constexpr bool can_peek = requires(T t) { t.secret; };
[[pure]] [[purecc::memo]] long by_access(long n) {
  long s = 0;
  for (long i = 0; i < n; ++i)
    s += can_peek<Sealed> ? 2 : 3;
  return s;
}

// g++'s -fimplicit-constexpr makes Probe::f usable in a constant
// expression (adv88 F6); Clang ignores the flag.
struct Probe {
  static inline long f() { return 1; }
};
template <class T>
constexpr bool constant_f = requires { typename std::integral_constant<long, T::f()>; };
[[pure]] [[purecc::memo]] long by_implicit_constexpr(long n) {
  long s = 0;
  for (long i = 0; i < n; ++i)
    s += constant_f<Probe> ? 2 : 3;
  return s;
}

int main() {
  std::printf("%ld %ld %ld %ld\n", by_standard(10), by_elision(10), by_access(10),
              by_implicit_constexpr(10));
}
