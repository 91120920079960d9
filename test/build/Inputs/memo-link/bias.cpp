[[pure]] double bias(double x) { return 0 * x; }
