// CORPUS: impure line=4 id=purecc-cast-write
// const_cast to write the caller's object.
[[pure]] int poke(const int &x) {
  const_cast<int &>(x) = 0; // <- here
  return 1;
}
