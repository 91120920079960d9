// CORPUS: impure line=4 id=purecc-cast-write
// reinterpret_cast to write through a pointer-to-const parameter.
[[pure]] int zero_bytes(const float *f) {
  *reinterpret_cast<unsigned *>(const_cast<float *>(f)) = 0; // <- here
  return 0;
}
