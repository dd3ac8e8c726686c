* comment only
NAME C
ROWS
 N o
 E e
COLUMNS
 x e 1
 x o 2
RHS
 R e 3
 R2 e 4
RANGES
 R e 0
ENDATA
