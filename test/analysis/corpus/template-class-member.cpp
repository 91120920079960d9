// CORPUS: pure
// A member of a class template.
template <class T, int N> struct Vec {
  T v[N];
  [[pure]] T dot(const Vec &o) const {
    T s{};
    for (int i = 0; i < N; ++i) s += v[i] * o.v[i];
    return s;
  }
};
float use(const Vec<float, 3> &a) { return a.dot(a); }
