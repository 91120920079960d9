#include "twice.h"

// Takes the address of the inline function: this unit emits a copy of its
// own, which the linker keeps when this object comes first.
double (*volatile keep)(double) = &snap;
template double snapt<double>(double);
