NAME BOUNDS
OBJSENSE
    MAX
ROWS
 N obj
 L c
COLUMNS
    a obj 1 c 1
    b obj 1 c 1
    d obj 1 c 1
    e obj 1 c 1
    f obj 1 c 1
    g obj 1 c 1
    h obj 1 c 1
    k obj 1 c 1
RHS
    rhs c 10
BOUNDS
 UP bnd a 4
 MI bnd b
 UP bnd b 3
 FR bnd d
 FX bnd e -2.5
 LO bnd f -1
 PL bnd f
 UP bnd g -3
 LO bnd h -1e30
 UP BND2 k 7
ENDATA
