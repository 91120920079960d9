// A header-heavy translation unit for bench_check.py: most of the time goes
// into parsing the standard library, as in real projects. The functions below
// mix [[pure]] ones (verified by purecc) with ordinary impure ones (I/O,
// globals), and use the headers for real so that templates get instantiated.
#include <algorithm>
#include <functional>
#include <iostream>
#include <map>
#include <numeric>
#include <regex>
#include <string>
#include <vector>

namespace geometry {

struct Point {
  double x = 0, y = 0;
  [[pure]] double dot(const Point &o) const { return x * o.x + y * o.y; }
  [[pure]] Point plus(const Point &o) const { return {x + o.x, y + o.y}; }
  [[pure]] Point scaled(double k) const { return {x * k, y * k}; }
};

[[pure]] double cross(const Point &a, const Point &b) { return a.x * b.y - a.y * b.x; }

[[pure]] double polygonArea(const std::vector<Point> &ps) {
  double twice = 0;
  for (size_t i = 0; i < ps.size(); ++i)
    twice += cross(ps[i], ps[(i + 1) % ps.size()]);
  return twice < 0 ? -twice / 2 : twice / 2;
}

[[pure]] Point centroid(const std::vector<Point> &ps) {
  Point sum;
  for (const Point &p : ps)
    sum = sum.plus(p);
  return ps.empty() ? sum : sum.scaled(1.0 / static_cast<double>(ps.size()));
}

[[pure]] bool isConvex(const std::vector<Point> &ps) {
  if (ps.size() < 3)
    return true;
  int sign = 0;
  for (size_t i = 0; i < ps.size(); ++i) {
    const Point &a = ps[i], &b = ps[(i + 1) % ps.size()], &c = ps[(i + 2) % ps.size()];
    double z = cross(Point{b.x - a.x, b.y - a.y}, Point{c.x - b.x, c.y - b.y});
    int s = z > 0 ? 1 : (z < 0 ? -1 : 0);
    if (s != 0 && sign != 0 && s != sign)
      return false;
    if (s != 0)
      sign = s;
  }
  return true;
}

void printPolygon(const std::vector<Point> &ps) {
  for (const Point &p : ps)
    std::cout << "(" << p.x << ", " << p.y << ") ";
  std::cout << "\n";
}

} // namespace geometry

namespace text {

[[pure]] int countVowels(const std::string &s) {
  return static_cast<int>(std::count_if(s.begin(), s.end(), [](char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
  }));
}

[[pure]] std::string reversed(std::string s) {
  std::reverse(s.begin(), s.end());
  return s;
}

[[pure]] bool isPalindrome(const std::string &s) { return s == reversed(s); }

[[pure]] std::vector<std::string> splitWords(const std::string &s) {
  std::vector<std::string> words;
  std::string current;
  for (char c : s) {
    if (c == ' ') {
      if (!current.empty())
        words.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty())
    words.push_back(current);
  return words;
}

[[pure]] std::map<std::string, int> wordCounts(const std::string &s) {
  std::map<std::string, int> counts;
  for (const std::string &w : splitWords(s))
    ++counts[w];
  return counts;
}

[[pure]] std::string joined(const std::vector<std::string> &parts, const std::string &sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i)
      out += sep;
    out += parts[i];
  }
  return out;
}

// Impure: std::regex objects are built here, and results printed.
int countMatches(const std::string &s, const std::string &pattern) {
  std::regex re(pattern);
  auto begin = std::sregex_iterator(s.begin(), s.end(), re);
  int n = static_cast<int>(std::distance(begin, std::sregex_iterator()));
  std::cout << n << " matches of " << pattern << "\n";
  return n;
}

std::vector<std::string> emails(const std::string &s) {
  static const std::regex re(R"([\w.]+@[\w.]+)");
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(s.begin(), s.end(), re); it != std::sregex_iterator(); ++it)
    out.push_back(it->str());
  return out;
}

} // namespace text

namespace numeric {

[[pure]] long long gcd(long long a, long long b) { return b == 0 ? a : gcd(b, a % b); }
[[pure]] long long lcm(long long a, long long b) { return a / gcd(a, b) * b; }

[[pure]] bool isPrime(long long n) {
  if (n < 2)
    return false;
  for (long long d = 2; d * d <= n; ++d)
    if (n % d == 0)
      return false;
  return true;
}

[[pure]] long long fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

[[pure]] std::vector<long long> primesBelow(long long n) {
  std::vector<long long> out;
  for (long long i = 2; i < n; ++i)
    if (isPrime(i))
      out.push_back(i);
  return out;
}

[[pure]] double mean(const std::vector<double> &v) {
  return v.empty() ? 0.0 : std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
}

[[pure]] double variance(const std::vector<double> &v) {
  double m = mean(v), s = 0;
  for (double x : v)
    s += (x - m) * (x - m);
  return v.empty() ? 0.0 : s / static_cast<double>(v.size());
}

[[pure]] std::vector<double> prefixSums(const std::vector<double> &v) {
  std::vector<double> out;
  double running = 0;
  for (double x : v)
    out.push_back(running += x);
  return out;
}

template <class T> [[pure]] T clamp3(T v, T lo, T hi) { return v < lo ? lo : (v > hi ? hi : v); }

template <class T> [[pure]] std::vector<T> sortedCopy(std::vector<T> v) {
  std::sort(v.begin(), v.end());
  return v;
}

[[pure]] int median3(int a, int b, int c) {
  std::vector<int> v = sortedCopy(std::vector<int>{a, b, c});
  return v[1];
}

[[pure]] long long collatzSteps(long long n) {
  long long steps = 0;
  while (n != 1 && n > 0) {
    n = n % 2 ? 3 * n + 1 : n / 2;
    ++steps;
  }
  return steps;
}

int callsSoFar = 0; // impure state
long long countedFib(int n) {
  ++callsSoFar;
  return n < 2 ? n : countedFib(n - 1) + countedFib(n - 2);
}

} // namespace numeric

namespace pipeline {

using Stage = std::function<int(int)>;

[[pure]] int applyAll(const std::vector<int> &xs, int seed) {
  auto step = [] [[pure]] (int acc, int x) { return acc * 31 + x; };
  int acc = seed;
  for (int x : xs)
    acc = step(acc, x);
  return acc;
}

[[pure]] std::vector<int> squares(int n) {
  std::vector<int> out;
  for (int i = 0; i < n; ++i)
    out.push_back(i * i);
  return out;
}

int runStages(const std::vector<Stage> &stages, int x) {
  for (const Stage &s : stages)
    x = s(x);
  std::cerr << "ran " << stages.size() << " stages\n";
  return x;
}

std::map<std::string, std::vector<int>> registry; // impure state
void registerSeries(const std::string &name, int n) { registry[name] = squares(n); }

} // namespace pipeline

int main() {
  using namespace geometry;
  std::vector<Point> square{{0, 0}, {1, 0}, {1, 1}, {0, 1}};
  printPolygon(square);
  std::cout << polygonArea(square) << " " << isConvex(square) << " " << centroid(square).x << "\n";
  std::cout << text::countVowels("benchmark") << text::isPalindrome("level")
            << text::wordCounts("a b a").size() << text::joined({"x", "y"}, ",") << "\n";
  text::countMatches("a1b22c333", "[0-9]+");
  std::cout << text::emails("write to a@b.org").size() << "\n";
  std::cout << numeric::lcm(4, 6) << numeric::fib(10) << numeric::primesBelow(30).size()
            << numeric::variance({1, 2, 3}) << numeric::prefixSums({1, 2}).back()
            << numeric::clamp3(5, 0, 3) << numeric::median3(3, 1, 2)
            << numeric::collatzSteps(27) << numeric::countedFib(10) << "\n";
  pipeline::registerSeries("s", 4);
  return pipeline::runStages({[](int x) { return x + 1; }}, pipeline::applyAll({1, 2}, 7)) > 0 ? 0 : 1;
}
