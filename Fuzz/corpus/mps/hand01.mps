NAME RANGED
ROWS
 N  obj
 E  e1
 E  e2
 L  l1
 G  g1
COLUMNS
    x  obj 1  e1 1
    x  e2 1   l1 1
    x  g1 1
RHS
    rhs obj 2.5  e1 3
    rhs e2 3     l1 5
    rhs g1 1
RANGES
    rng e1 4   e2 -4
    rng l1 -2  g1 6
ENDATA
