// CORPUS: impure line=9 id=purecc-impure-call
// An overloaded operator that logs to a global.
int g_adds = 0;
struct Money {
  long cents;
  Money operator+(Money o) const { ++g_adds; return {cents + o.cents}; }
};
[[pure]] long total(Money a, Money b) {
  return (a + b).cents; // <- here
}
