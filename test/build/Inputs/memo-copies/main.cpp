#include <cstdio>
#include "twice.h"

[[pure, purecc::memo]] double viaInline(double x) { return snap(x); }
[[pure, purecc::memo]] double viaExtern(double x) { return snapt(x); }

int main() { std::printf("%g %g\n", viaInline(1.5), viaExtern(1.5)); }
