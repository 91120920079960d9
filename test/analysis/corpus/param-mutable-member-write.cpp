// CORPUS: impure line=7 id=purecc-this-write
// Writing a mutable member from a const member changes the object.
struct Cache {
  mutable int hits = 0;
  int v = 0;
  [[pure]] int get() const {
    ++hits; // <- here
    return v;
  }
};
int use(const Cache &c) { return c.get(); }
