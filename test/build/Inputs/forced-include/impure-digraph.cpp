// [[pure]] in digraphs.
<:<:pure:>:> long ext(long x);
long counter;
long ext(long x) { return x + ++counter; }
