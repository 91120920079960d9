// A good unit checked next to one purecc fails on: its suggestion is applied.
#include "shared.h"
double scale(double x) { return 2 * x; }
