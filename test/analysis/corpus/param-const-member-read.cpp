// CORPUS: pure
// A const member function reading its members.
struct Rect {
  int w, h;
  [[pure]] int area() const { return w * h; }
};
int use(const Rect &r) { return r.area(); }
