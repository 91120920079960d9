// A computed include: HEADER comes from the command line.
#include HEADER
long counter;
long ext(long x) { return x + ++counter; }
