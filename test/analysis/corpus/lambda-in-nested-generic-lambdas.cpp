// CORPUS: impure line=7 id=purecc-global-read
// Generic lambdas nested in generic lambdas, in a class template's member.
int g_bias = 1;
template <class T> struct Pipeline {
  T run(T t) const {
    auto stage = [](auto a) {
      return [](auto b) { auto in = [] [[pure]] (int y) { return y + g_bias; }; return in(int(b)); }(a); // <- here
    };
    return T(stage(t));
  }
};
int use() { return Pipeline<int>{}.run(1) + int(Pipeline<long>{}.run(2)); }
