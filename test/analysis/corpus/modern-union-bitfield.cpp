// CORPUS: pure
// A local union and a struct with bit-fields.
struct Flags { unsigned a : 3; unsigned b : 5; };
union Pun { unsigned u; unsigned char c[4]; };
[[pure]] unsigned pack(unsigned x) {
  Flags f{x & 7u, (x >> 3) & 31u};
  Pun p{};
  p.u = f.a | (f.b << 3);
  return p.u;
}
