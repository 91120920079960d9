// CORPUS: impure line=5 id=purecc-global-read
// Namespace-scope variables are globals.
namespace config { double ratio = 0.5; }
[[pure]] double part(double x) {
  return x * config::ratio; // <- here
}
