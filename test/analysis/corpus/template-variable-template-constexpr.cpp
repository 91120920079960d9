// CORPUS: pure
// A constexpr variable template.
template <class T> constexpr T pi_v = T(3.141592653589793);
[[pure]] double circ(double r) { return 2 * pi_v<double> * r; }
