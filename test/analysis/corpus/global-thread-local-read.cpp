// CORPUS: impure line=5 id=purecc-global-read
// A thread_local differs between threads and calls: a mutable global.
thread_local int t_depth = 0;
[[pure]] int deeper(int x) {
  return x + t_depth; // <- here
}
