// Only a [[pure]] function, nothing memoized here: purecc still records it.
[[pure]] double bias(double x); // bias.cpp

[[pure]] double kernel(double x) { return x * x + bias(x); }
