// kmeans.cpp — k-means over a std::vector of a 2-D point struct, written
// as people write it: an assignment step whose inner loop over the 16
// centroids is an argmin (`if (d < best) { best = d; arg = c; }`), then an
// update step over the clusters. purecc parallelizes the loop over points
// (a map) and, for the update, the outer loop over clusters (each sums
// over all points); the 16-iteration argmin is loop-free work with a
// variable bound and runs as one leaf, without a task. Prints
// "<checksum> <seconds>". KMEANS_N points (default 400000), 16 clusters,
// KMEANS_STEPS steps (default 20).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

struct Point {
  double x, y;
};

[[pure]] double dist2(Point a, Point b) {
  return (a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y);
}

[[pure]] Point sample(long i) {
  // A deterministic scatter around 16 centres.
  unsigned long h = static_cast<unsigned long>(i) * 2654435761UL;
  double cx = double(i % 4) * 10.0, cy = double((i / 4) % 4) * 10.0;
  return {cx + double(h % 1000) / 250.0, cy + double((h / 1000) % 1000) / 250.0};
}

[[pure]] int nearest(const std::vector<Point> &centers, Point p) {
  double best = 1e300;
  int arg = 0;
  int k = static_cast<int>(centers.size());
  for (int c = 0; c < k; ++c) {
    double d = dist2(p, centers[c]);
    if (d < best) {
      best = d;
      arg = c;
    }
  }
  return arg;
}

[[pure]] Point centroid(const std::vector<Point> &pts, const std::vector<int> &label, int c,
                        Point old) {
  double sx = 0, sy = 0;
  long n = 0;
  long m = static_cast<long>(pts.size());
  for (long i = 0; i < m; ++i)
    if (label[i] == c) {
      sx += pts[i].x;
      sy += pts[i].y;
      ++n;
    }
  return n ? Point{sx / double(n), sy / double(n)} : old;
}

int main() {
  long n = std::getenv("KMEANS_N") ? std::atol(std::getenv("KMEANS_N")) : 400000;
  int steps = std::getenv("KMEANS_STEPS") ? std::atoi(std::getenv("KMEANS_STEPS")) : 20;
  int k = 16;
  std::vector<Point> pts(n);
  for (long i = 0; i < n; ++i)
    pts[i] = sample(i);
  std::vector<Point> centers(k);
  for (int c = 0; c < k; ++c)
    centers[c] = pts[c * 7];
  std::vector<int> label(n);
  auto t0 = std::chrono::steady_clock::now();
  for (int s = 0; s < steps; ++s) {
    for (long i = 0; i < n; ++i)
      label[i] = nearest(centers, pts[i]);
    std::vector<Point> next(k);
    for (int c = 0; c < k; ++c)
      next[c] = centroid(pts, label, c, centers[c]);
    centers = next;
  }
  std::chrono::duration<double> dt = std::chrono::steady_clock::now() - t0;
  double check = 0;
  for (int c = 0; c < k; ++c)
    check += centers[c].x * (c + 1) + centers[c].y;
  std::printf("%.6f %.6f\n", check, dt.count());
  return 0;
}
