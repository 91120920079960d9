// Included by a good unit and by one purecc fails on: it gets the good
// unit's fix-it.
struct Shared { int one() const { return 1; }; };
