// CORPUS: impure line=5 id=purecc-nonlocal-write
// const is shallow: the pointee of a const object's pointer member is someone else's.
struct Node { int *value; };
[[pure]] int set(const Node &n, int v) {
  *n.value = v; // <- here
  return v;
}
