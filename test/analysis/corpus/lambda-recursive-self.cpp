// CORPUS: pure
// A recursive generic lambda that receives itself.
[[pure]] long fact(int n) {
  auto f = [](auto self, int k) -> long { return k <= 1 ? 1 : k * self(self, k - 1); };
  return f(f, n);
}
