// CORPUS: impure line=6 id=purecc-io
// Reading std::cin.
#include <iostream>
[[pure]] int read_more(int x) {
  int y = 0;
  std::cin >> y; // <- here
  return x + y;
}
