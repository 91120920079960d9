// CORPUS: impure line=3 id=purecc-param-indirection
// R3: a non-const reference parameter lets the function write the caller's object.
[[pure]] int twice(int &x) { // <- here
  return 2 * x;
}
