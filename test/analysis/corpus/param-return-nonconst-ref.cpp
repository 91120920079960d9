// CORPUS: impure line=4 id=purecc-return-indirection
// Returning a non-const reference into memory the function does not own.
struct Box { int *p; };
[[pure]] int &target(const Box &b) { // <- here
  return *b.p;
}
