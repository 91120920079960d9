#include <angle-contract.h>
long counter;
long ext(long x) { return x + ++counter; }
