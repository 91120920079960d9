// CORPUS: impure line=5 id=purecc-global-write
// Internal linkage does not make a variable local to the call.
namespace { int hits = 0; }
[[pure]] int count(int x) {
  ++hits; // <- here
  return x;
}
