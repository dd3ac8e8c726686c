NAME          RANGED
OBJSENSE
    MAX
ROWS
 N  COST
 L  LIM1
 G  LIM2
 E  MYEQN
COLUMNS
    MARKER                 'MARKER'                 'INTORG'
    XONE      COST         1.0   LIM1         1.0
    XONE      LIM2         1.0
    MARKER                 'MARKER'                 'INTEND'
    YTWO      COST         2.0   LIM1         1.0
    YTWO      MYEQN       -1.0
    ZTHREE    COST        -1.0   MYEQN        1.0
RHS
    RHS       COST        -3.5
    RHS       LIM1         4.0   LIM2         1.0
    RHS       MYEQN        7.0
RANGES
    RNG       LIM1         2.5   MYEQN       -3.0
    RNG       LIM2         1e30
BOUNDS
 UP BND       XONE         4.0
 MI BND       YTWO
 UP BND       YTWO         1.0
 FX BND       ZTHREE       2.0
 BV BND       XONE
 PL BND       YTWO
 LI BND       XONE         1
 UI BND       XONE         3
 FR BND       ZTHREE
ENDATA
