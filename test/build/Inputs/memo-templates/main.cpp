// Memoized functions that depend on a template parameter's default, which
// is written in the template's header, outside the templated declaration:
// memo-templates.test edits each default and expects the new value.
#include <cstdio>

template <class T, long K = 3> [[pure]] long scaled(T t) { return t * K; }
template <long K = 3> struct Fixed { static constexpr long v = K; };
template <class T = int> struct Sized { static constexpr long v = sizeof(T); };
template <class T = int> constexpr long width = sizeof(T);
template <class T, long K = 3> struct Box { T t; long get() const { return t * K; } };

[[pure, purecc::memo]] long by_function(long x) { return scaled(x); }
[[pure, purecc::memo]] long by_member(long x) { return Fixed<>::v * x; }
[[pure, purecc::memo]] long by_type(long x) { return Sized<>::v * x; }
[[pure, purecc::memo]] long by_variable(long x) { return width<> * x; }
[[pure, purecc::memo]] long by_method(long x) { return Box<long>{x}.get(); }

int main() {
  std::printf("function %ld\nmember %ld\ntype %ld\nvariable %ld\nmethod %ld\n", by_function(10),
              by_member(10), by_type(10), by_variable(10), by_method(10));
}
