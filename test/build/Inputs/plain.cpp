// Nothing here uses purecc, although a pure function in the mathematical
// sense is what it computes and a variable is even called 'pure'.
#include <vector>

bool pure = true;

int sum_of_squares(const std::vector<int> &v) {
  int total = 0;
  for (int x : v)
    total += x * x;
  return pure ? total : -total;
}
