// (t + 1e16) - 1e16 is t rounded to an even multiple of 2 under IEEE
// arithmetic, and t itself where -ffast-math folds it away.
[[pure]] inline double snap(double t) { return (t + 1e16) - 1e16; }
template <class T> [[pure]] T snapt(T t) { return (t + 1e16) - 1e16; }
extern template double snapt<double>(double);
// A lambda's call operator is part of the function around it: its copy and
// record are the function's.
[[pure]] inline double thrice(double t) {
  auto g = [](double u) { return u * 3; };
  return g(t);
}
