// CORPUS: pure
// static constexpr locals are constants too.
[[pure]] unsigned crc_step(unsigned x) {
  static constexpr unsigned poly = 0xEDB88320u;
  return (x & 1) ? (x >> 1) ^ poly : x >> 1;
}
