// CORPUS: impure line=5|6 id=purecc-impure-library
// std::random_device reads the machine's entropy.
#include <random>
[[pure]] unsigned seed(unsigned x) {
  std::random_device rd; // <- here
  return x ^ rd(); // <- here
}
