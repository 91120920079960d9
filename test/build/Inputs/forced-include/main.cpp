#include <cstdio>
int main() { std::printf("%ld\n", ext(14)); }
