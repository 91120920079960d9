// CORPUS: pure
// Allocation is allowed.
[[pure]] int heap_sum(int n) {
  int *a = new int[n > 0 ? n : 1];
  for (int i = 0; i < n; ++i) a[i] = i;
  int s = 0;
  for (int i = 0; i < n; ++i) s += a[i];
  delete[] a;
  return s;
}
