// C++ in a file whose name says nothing: compiled with -x c++.
[[pure]] int cube(int x) { return x * x * x; }
int main() { return cube(2) == 8 ? 0 : 1; }
