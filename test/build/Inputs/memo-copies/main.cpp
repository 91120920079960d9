#include <cstdio>
#include "twice.h"

[[pure, purecc::memo]] double viaInline(double x) { return snap(x); }
[[pure, purecc::memo]] double viaExtern(double x) { return snapt(x); }
[[pure, purecc::memo]] double viaLambda(double x) { return thrice(x); }

int main() { std::printf("%g %g %g\n", viaInline(1.5), viaExtern(1.5), viaLambda(1.5)); }
