// CORPUS: pure
// A local struct whose pointer member points to a local: the write is local.
// (docs/purity.md lists this as a limitation of the provenance tracking.)
struct Ptr { int *p; };
[[pure]] int via_member(int v) {
  int local = 0;
  Ptr s{&local};
  *s.p = v;
  return local;
}
