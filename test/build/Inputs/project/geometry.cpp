// Two pure functions, both fine.
[[pure]] double area(double w, double h) { return w * h; }
[[pure]] double perimeter(double w, double h) { return 2 * (w + h); }
