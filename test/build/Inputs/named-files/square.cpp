// A good unit checked next to one purecc fails on: its [[pure]] function is
// verified, its suggestion applied.
[[pure]] int square(int x) { return x * x; }
int twice(int x) { return x + x; }
