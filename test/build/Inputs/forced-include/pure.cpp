long ext(long x) { return x * 3; }
