// CORPUS: impure line=9 id=purecc-global-write|purecc-impure-call
// A constructor that writes through a reference member bound to a global.
int g_seen = 0;
struct Tracker {
  int &seen;
  explicit Tracker(int &s) : seen(s) { seen = 1; }
};
[[pure]] int track(int v) {
  Tracker t(g_seen); // <- here
  return v;
}
