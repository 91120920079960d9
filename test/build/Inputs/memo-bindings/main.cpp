// Memoized functions that unpack a tuple-like type with a structured
// binding: the `get<I>` that makes each name is called where no statement
// names it (a member `get` is in its class's tokens, a free one is not).
// memo-bindings.test edits both `get`s and expects the new values.
#include <cstdio>
#include <tuple>

struct Tup { long a, b; template <std::size_t I> long get() const { return I ? b : a; } };
template <> struct std::tuple_size<Tup> : std::integral_constant<std::size_t, 2> {};
template <std::size_t I> struct std::tuple_element<I, Tup> { using type = long; };

struct Tup2 { long a, b; };
template <std::size_t I> long get(const Tup2 &t) { return I ? t.b : t.a; }
template <> struct std::tuple_size<Tup2> : std::integral_constant<std::size_t, 2> {};
template <std::size_t I> struct std::tuple_element<I, Tup2> { using type = long; };

[[pure, purecc::memo]] long by_member(long x) { auto [a, b] = Tup{x, 2}; return a * b; }
[[pure, purecc::memo]] long by_free(long x) { auto [a, b] = Tup2{x, 2}; return a * b; }

int main() { std::printf("member %ld\nfree %ld\n", by_member(10), by_free(10)); }
