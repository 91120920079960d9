// CORPUS: impure line=5 id=purecc-global-write
// A static local survives between calls.
[[pure]] int next_id(int base) {
  static int counter = 0;
  return base + ++counter; // <- here
}
