// CORPUS: impure line=6 id=purecc-impure-call
// Throwing an exception type whose constructor writes a global.
int g_errors = 0;
struct Failure { int code; explicit Failure(int c) : code(c) { ++g_errors; } };
[[pure]] int must_be_positive(int x) {
  if (x <= 0) throw Failure(x); // <- here
  return x;
}
