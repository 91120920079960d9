// The program of libcalc.so (main.cpp built as a library): no purecc here.
#include <cstdio>

double integral(int n);

int main() { std::printf("integral = %.5f\n", integral(1000)); }
