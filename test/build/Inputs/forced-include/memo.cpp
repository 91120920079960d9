#include <cstdio>
[[pure, purecc::memo]] long sq(long x) { return x * x + long(sizeof(std::string)) * 0; }
int main() { std::printf("%ld %d\n", sq(7), UINTPTR_MAX > 0 && LDBL_MANT_DIG > 0 && FE_ALL_EXCEPT != 0); }
