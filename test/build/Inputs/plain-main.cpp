#include <cstdio>
#include <vector>
int sum_of_squares(const std::vector<int> &v);
extern "C" int twice(int x);
int main() { std::printf("%d %d\n", sum_of_squares({1, 2, 3}), twice(21)); }
