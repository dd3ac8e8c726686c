NAME          FIX
ROWS
 N  COST
 G  ROW A
COLUMNS
    COL 1     COST               1.5   ROW A              2.
    COL 2     ROW A              1D1
RHS
              ROW A               4.
BOUNDS
 UP BND       COL 2              3.
ENDATA
