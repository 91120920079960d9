// CORPUS: pure
// A constexpr static data member is a constant.
struct Limits { static constexpr int max = 100; };
[[pure]] int clamp100(int x) { return x > Limits::max ? Limits::max : x; }
