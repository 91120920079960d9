// CORPUS: impure line=6 id=purecc-nonlocal-write
// A const member function writing through a pointer member: someone else's memory.
struct Handle {
  int *slot;
  [[pure]] int mark() const {
    *slot = 1; // <- here
    return 0;
  }
};
int use(const Handle &h) { return h.mark(); }
