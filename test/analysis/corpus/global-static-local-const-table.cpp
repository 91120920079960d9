// CORPUS: pure
// A static const local table is a constant.
[[pure]] int digit_value(char c) {
  static const int table[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
  return c >= '0' && c <= '9' ? table[c - '0'] : -1;
}
