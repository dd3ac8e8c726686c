NAME INT
ROWS
 N obj
 N other
 L c
COLUMNS
    x obj 1 c 1
    M1 'MARKER' 'INTORG'
    y obj 1 c 1
    z obj 1 other 3
    M2 'MARKER' 'INTEND'
    w obj 1 c 1
RHS
    rhs c 4
BOUNDS
 UP bnd y 5
ENDATA
