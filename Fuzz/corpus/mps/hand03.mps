NAME QP
OBJSENSE MIN
ROWS
 N obj
 E sum
COLUMNS
    x obj 1 sum 1
    y obj -1 sum 1
    z sum 1
RHS
    rhs sum 1
BOUNDS
 FR bnd x
QUADOBJ
    x x 2
    x y 1
    z y -1
    y y 4
    z z 6
ENDATA
