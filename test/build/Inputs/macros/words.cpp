// A program for test/build/runtime-name-macros.test: it includes nothing, so
// that every name the runtime's headers spell may be a macro of its build
// (a standard header the program included itself would see those macros).
// It parallelizes a reduction, sibling calls, a map and a memoized call.
extern "C" int printf(const char *, ...);

[[pure]] long zheavy(long zi) {
  long zx = zi;
  for (long zk = 0; zk < 200; ++zk)
    zx = (zx * 31 + zk) % 1000003;
  return zx;
}

[[pure]] long zfib(int zn) {
  if (zn < 2)
    return zn;
  return zfib(zn - 1) + zfib(zn - 2);
}

[[pure]] [[purecc::memo]] long zmemo(long zn) { return zheavy(zn) + 1; }

int main() {
  long zs = 0;
  for (long zi = 0; zi < 3000; ++zi)
    zs += zheavy(zi);
  long zm[2000];
  for (long zi = 0; zi < 2000; ++zi)
    zm[zi] = zheavy(zi) % 7;
  long zt = 0;
  for (long zi = 0; zi < 2000; ++zi)
    zt += zm[zi];
  printf("%ld %ld %ld %ld\n", zs, zt, zfib(24), zmemo(5) + zmemo(5));
  return 0;
}
