// CORPUS: pure
// std::to_string of an integer does not depend on the locale.
#include <string>
[[pure]] std::size_t digits(long x) { return std::to_string(x).size(); }
