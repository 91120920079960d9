// CORPUS: impure line=5 id=purecc-impure-call
// A declaration without a body cannot be shown pure.
int external_hash(int);
[[pure]] int bucket(int x) {
  return external_hash(x) % 16; // <- here
}
