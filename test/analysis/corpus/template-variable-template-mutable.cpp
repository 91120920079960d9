// CORPUS: impure line=5 id=purecc-global-read
// A non-const variable template is a global.
template <class T> T scale_v = T(2);
[[pure]] double scaled(double r) {
  return r * scale_v<double>; // <- here
}
