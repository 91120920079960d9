// CORPUS: pure
// The same aggregate bound to a local: a local write.
struct Slot { int &target; };
[[pure]] int through_slot(int v) {
  int local = 0;
  Slot s{local};
  s.target = v;
  return local;
}
