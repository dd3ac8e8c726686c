NAME          LP
OBJSENSE
    MAX
ROWS
 N  obj
 L  cap
 L  mix
 G  order
COLUMNS
    x         obj       3.0        cap       1.0
    x         mix       1.0        order     1.0
    y         obj       2.0        cap       1.0
    y         mix       3.0        order     -1.0
RHS
    RHS       cap       4.0        mix       9.0
BOUNDS
 UP BND       x         3.0
ENDATA
