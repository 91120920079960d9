// CORPUS: impure line=6 id=purecc-global-read
// A non-const static data member is a global.
struct Settings { static int level; };
int Settings::level = 1;
[[pure]] int at_level(int x) {
  return x + Settings::level; // <- here
}
