#include <cstdio>
#include "weights.h"
int main() {
  std::vector<long> v;
  for (long i = 0; i < 50000; ++i)
    v.push_back(i * 2654435761L);
  long a = 0;
  for (long i = 0; i < 20000; ++i)
    a += weight(i);
  std::printf("%ld %ld\n", total_weight(v), a);
}
