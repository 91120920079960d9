// What the memoized functions in main.cpp depend on without naming it in
// their own text. memo-types.test edits each marked line (EDIT) and expects
// every function's new value instead of the disk cache's old one.
#include <type_traits>
#include <vector>

struct Agg { long k = 3; long m; };                 // EDIT k: aggregate `Agg{}`
struct Base { long b = 3; };                        // EDIT b: a base's initializer
struct Der : Base { long c = 1; };
struct Sized { long a; long b; };                   // EDIT: one more member
struct Aligned { long a; };                         // EDIT: alignas(32)
struct Trait { long a; };                           // EDIT: a user copy constructor
[[pure]] long scaled_by(long x, long k = 3);        // EDIT: default argument
struct Outside { static const long v; };           // defined in main.cpp
template <class T> using Wide = long;               // EDIT: alias template's target
constexpr long TagValue = 3;                        // EDIT: read through `using TK`
using TK = std::integral_constant<long, TagValue>;
struct Point { long x; };
[[pure]] inline long helper(Point p) { return p.x * 3; } // EDIT: found only when instantiated
template <class T> long twice(T t) { return helper(t) * 2; }
struct Item { long a; };
[[pure]] inline bool operator<(Item l, Item r) { return l.a < r.a; } // EDIT: std::sort's comparison
constexpr long EnumBase = 3;                        // EDIT: an enumerator's value
enum Level { Low = EnumBase + 1 };
#pragma pack(push, 1)                               // EDIT: packing
struct Packed { char c; long l; };
#pragma pack(pop)
constexpr long Width = 3;                           // EDIT: only a member's template argument
struct Holder { std::integral_constant<long, Width> c; };
template <class T> concept Big = sizeof(T) > 8;     // EDIT: the constraint
struct Eight { long a; };
[[pure]] inline long seed() { return 3; }           // EDIT: a constructor's mem-initializer
struct Seeded { long k; Seeded() : k(seed()) {} };
[[pure]] inline long start() { return 3; }          // EDIT: a default member initializer
struct Started { long k = start(); };
