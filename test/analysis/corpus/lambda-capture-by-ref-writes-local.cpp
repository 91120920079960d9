// CORPUS: pure
// A closure writing a local captured by reference, called in the owner.
[[pure]] int count_even(int n) {
  int count = 0;
  auto bump = [&count](int i) { if (i % 2 == 0) ++count; };
  for (int i = 0; i < n; ++i) bump(i);
  return count;
}
