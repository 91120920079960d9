// A [[pure]] function that writes a global: the compile fails with purecc's
// diagnostic at this file's line, and no object is written.
int calls = 0;

[[pure]] int counted_square(int x) {
  // CHECK: violation.cpp:[[@LINE+1]]:{{[0-9]+}}: error: {{.*}}[purecc-global-write]
  calls = calls + 1;
  return x * x;
}
