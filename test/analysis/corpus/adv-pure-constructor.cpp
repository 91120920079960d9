// CORPUS: pure
// A pure constructor may initialize and adjust its own object.
struct Fraction {
  long num, den;
  [[pure]] Fraction(long n, long d) : num(n), den(d) {
    if (den < 0) { num = -num; den = -den; }
  }
};
[[pure]] long numerator(long n, long d) { return Fraction(n, d).num; }
