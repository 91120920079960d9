// PURE comes from the command line: -DPURE=[[pure]].
PURE long ext(long x);
long counter;
long ext(long x) { return x + ++counter; }
