#include <cstdio>
#include <proj/binary.h>

int main() { std::printf("%ld %ld\n", binary_ones(255), twice(21)); }
