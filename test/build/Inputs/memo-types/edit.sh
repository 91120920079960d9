# Applies every edit memo-types.test checks, one per dependency in defs.h
# and main.cpp (each leaves the memoized functions' own text unchanged).
sed -i -e 's/long k = 3; long m;/long k = 4; long m;/' \
  -e 's/long b = 3; };/long b = 4; };/' \
  -e 's/struct Sized { long a; long b; };/struct Sized { long a; long b; long c; };/' \
  -e 's/struct Aligned { long a; };/struct Aligned { alignas(32) long a; };/' \
  -e 's/struct Trait { long a; };/struct Trait { long a; Trait() = default; Trait(const Trait \&o) : a(o.a) {} };/' \
  -e 's/long k = 3);/long k = 4);/' \
  -e 's/using Wide = long;/using Wide = int;/' \
  -e 's/TagValue = 3;/TagValue = 4;/' \
  -e 's/return p.x \* 3;/return p.x * 4;/' \
  -e 's/return l.a < r.a;/return l.a > r.a;/' \
  -e 's/EnumBase = 3;/EnumBase = 4;/' \
  -e 's/pack(push, 1)/pack(push, 8)/' \
  -e 's/Width = 3;/Width = 4;/' \
  -e 's/sizeof(T) > 8;/sizeof(T) > 4;/' \
  -e 's/long seed() { return 3; }/long seed() { return 4; }/' \
  -e 's/long start() { return 3; }/long start() { return 4; }/' defs.h
sed -i -e 's/const long Late = 3;/const long Late = 4;/' -e 's/Outside::v = 3;/Outside::v = 4;/' main.cpp
