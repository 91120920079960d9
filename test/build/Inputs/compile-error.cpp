// Code that compiles nowhere: the user sees the real compiler's error, once.
[[pure]] int square(int x) { return x * undeclared; }
