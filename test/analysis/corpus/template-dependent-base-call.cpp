// CORPUS: pure
// A call into a dependent base class.
template <class T> struct Base { T twice(T x) const { return x + x; } };
template <class T> struct D : Base<T> {
  [[pure]] T quad(T x) const { return this->twice(this->twice(x)); }
};
int use(const D<int> &d) { return d.quad(3); }
