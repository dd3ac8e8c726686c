NAME QP
ROWS
 N obj
COLUMNS
    x obj 1
    y obj 1
QMATRIX
    x x 2
    x y 1
    y x 1
    y y 4
ENDATA
