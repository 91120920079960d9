// CORPUS: impure line=6 id=purecc-global-read
// A static member of a class template is a global.
template <class T> struct Registry { static int count; };
template <class T> int Registry<T>::count = 0;
[[pure]] int registered(int x) {
  return x + Registry<int>::count; // <- here
}
