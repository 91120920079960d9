// CORPUS: impure line=5 id=purecc-global-read
// An abbreviated function template (auto parameter) with a [[pure]] lambda.
double g_rate = 0.5;
double scaled(auto x) {
  auto in = [] [[pure]] (double y) { return y * g_rate; }; // <- here
  return in(double(x));
}
double use() { return scaled(1) + scaled(2.0f); }
