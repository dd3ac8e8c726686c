NAME generated-M3-I8-K4-S12-seed12
ROWS
 N  OBJ
 L  country_share[C0,mat0]
 L  country_share[C1,mat0]
 L  country_share[C2,mat0]
 L  country_share[C3,mat0]
 L  country_share[C0,mat1]
 L  country_share[C1,mat1]
 L  country_share[C2,mat1]
 L  country_share[C3,mat1]
 L  country_share[C1,mat2]
 L  country_share[C2,mat2]
 L  take[S0,mat0,x]
 L  take[S1,mat1,x]
 L  take[S1,mat2,x]
 L  take[S2,mat2,x]
 L  take[S2,mat0,x]
 L  take[S3,mat0,x]
 L  take[S4,mat1,x]
 L  take[S5,mat2,x]
 L  take[S5,mat0,x]
 L  take[S6,mat0,x]
 L  take[S6,mat1,x]
 L  take[S7,mat1,x]
 E  demand[mat0,x]
 E  demand[mat1,x]
 E  demand[mat2,x]
 E  balance[K1-in,mat0,x]
 E  balance[K1-in,mat1,x]
 E  balance[K1-in,mat2,x]
 E  balance[K2-in,mat0,x]
 E  balance[K2-in,mat2,x]
 E  balance[K3-in,mat0,x]
 E  balance[O0,mat0,x]
 E  balance[O5,mat0,x]
 E  balance[O5,mat2,x]
 E  balance[O6,mat0,x]
 E  balance[O6,mat1,x]
 L  leg[K0a,x]
 L  leg[K0b,x]
 L  leg[K1a,x]
 L  leg[K1b,x]
 L  leg[K2a,x]
 L  leg[K2b,x]
 L  leg[K3a,x]
 L  leg[K3b,x]
 L  leg[F0-0,x]
 L  leg[F0-3,x]
 L  leg[F1-1,x]
 L  leg[F2-2,x]
 L  leg[F3-3,x]
 L  leg[F4-0,x]
 L  leg[F5-1,x]
 L  leg[F5-2,x]
 L  leg[F6-2,x]
 L  leg[F6-1,x]
 L  leg[F7-3,x]
COLUMNS
    contract[S0,mat0] OBJ 14325.0
    contract[S0,mat0] country_share[C0,mat0] 1.0
    contract[S0,mat0] take[S0,mat0,x] -1.0
    contract[S1,mat1] OBJ 7136.0
    contract[S1,mat1] country_share[C1,mat1] 1.0
    contract[S1,mat1] take[S1,mat1,x] -1.0
    contract[S1,mat2] OBJ 17522.0
    contract[S1,mat2] country_share[C1,mat2] 1.0
    contract[S1,mat2] take[S1,mat2,x] -1.0
    contract[S2,mat2] OBJ 19438.5
    contract[S2,mat2] country_share[C2,mat2] 1.0
    contract[S2,mat2] take[S2,mat2,x] -1.0
    contract[S2,mat0] OBJ 14681.5
    contract[S2,mat0] country_share[C2,mat0] 1.0
    contract[S2,mat0] take[S2,mat0,x] -1.0
    contract[S3,mat0] OBJ 14088.5
    contract[S3,mat0] country_share[C3,mat0] 1.0
    contract[S3,mat0] take[S3,mat0,x] -1.0
    contract[S4,mat1] OBJ 6864.5
    contract[S4,mat1] country_share[C0,mat1] 1.0
    contract[S4,mat1] take[S4,mat1,x] -1.0
    contract[S5,mat2] OBJ 15380.0
    contract[S5,mat2] country_share[C1,mat2] 1.0
    contract[S5,mat2] take[S5,mat2,x] -1.0
    contract[S5,mat0] OBJ 12218.0
    contract[S5,mat0] country_share[C1,mat0] 1.0
    contract[S5,mat0] take[S5,mat0,x] -1.0
    contract[S6,mat0] OBJ 12950.5
    contract[S6,mat0] country_share[C2,mat0] 1.0
    contract[S6,mat0] take[S6,mat0,x] -1.0
    contract[S6,mat1] OBJ 6354.0
    contract[S6,mat1] country_share[C2,mat1] 1.0
    contract[S6,mat1] take[S6,mat1,x] -1.0
    contract[S7,mat1] OBJ 6793.0
    contract[S7,mat1] country_share[C3,mat1] 1.0
    contract[S7,mat1] take[S7,mat1,x] -1.0
    ship[S0,mat0,x] OBJ 286500.0
    ship[S0,mat0,x] take[S0,mat0,x] 1.0
    ship[S0,mat0,x] balance[O0,mat0,x] 1.0
    ship[S1,mat1,x] OBJ 168717.03835616435
    ship[S1,mat1,x] take[S1,mat1,x] 1.0
    ship[S1,mat1,x] balance[K1-in,mat1,x] 1.0
    ship[S1,mat1,x] leg[F1-1,x] 1.0
    ship[S1,mat2,x] OBJ 414281.98082191776
    ship[S1,mat2,x] take[S1,mat2,x] 1.0
    ship[S1,mat2,x] balance[K1-in,mat2,x] 1.0
    ship[S1,mat2,x] leg[F1-1,x] 1.0
    ship[S2,mat2,x] OBJ 459292.43561643834
    ship[S2,mat2,x] take[S2,mat2,x] 1.0
    ship[S2,mat2,x] balance[K2-in,mat2,x] 1.0
    ship[S2,mat2,x] leg[F2-2,x] 1.0
    ship[S2,mat0,x] OBJ 346876.8246575342
    ship[S2,mat0,x] take[S2,mat0,x] 1.0
    ship[S2,mat0,x] balance[K2-in,mat0,x] 1.0
    ship[S2,mat0,x] leg[F2-2,x] 1.0
    ship[S3,mat0,x] OBJ 332768.21643835615
    ship[S3,mat0,x] take[S3,mat0,x] 1.0
    ship[S3,mat0,x] balance[K3-in,mat0,x] 1.0
    ship[S3,mat0,x] leg[F3-3,x] 1.0
    ship[S4,mat1,x] OBJ 139885.94520547945
    ship[S4,mat1,x] take[S4,mat1,x] 1.0
    ship[S4,mat1,x] demand[mat1,x] 1.0
    ship[S4,mat1,x] leg[K0a,x] 1.0
    ship[S4,mat1,x] leg[K0b,x] 1.0
    ship[S4,mat1,x] leg[F4-0,x] 1.0
    ship[S5,mat2,x] OBJ 362968.0
    ship[S5,mat2,x] take[S5,mat2,x] 1.0
    ship[S5,mat2,x] balance[O5,mat2,x] 1.0
    ship[S5,mat0,x] OBJ 288344.8
    ship[S5,mat0,x] take[S5,mat0,x] 1.0
    ship[S5,mat0,x] balance[O5,mat0,x] 1.0
    ship[S6,mat0,x] OBJ 305631.8
    ship[S6,mat0,x] take[S6,mat0,x] 1.0
    ship[S6,mat0,x] balance[O6,mat0,x] 1.0
    ship[S6,mat1,x] OBJ 149954.4
    ship[S6,mat1,x] take[S6,mat1,x] 1.0
    ship[S6,mat1,x] balance[O6,mat1,x] 1.0
    ship[S7,mat1,x] OBJ 162440.97808219175
    ship[S7,mat1,x] take[S7,mat1,x] 1.0
    ship[S7,mat1,x] demand[mat1,x] 1.0
    ship[S7,mat1,x] leg[K3a,x] 1.0
    ship[S7,mat1,x] leg[K3b,x] 1.0
    ship[S7,mat1,x] leg[F7-3,x] 1.0
    flow[K1a,mat0,x] OBJ 2349.931506849315
    flow[K1a,mat0,x] demand[mat0,x] 1.0
    flow[K1a,mat0,x] balance[K1-in,mat0,x] -1.0
    flow[K1a,mat0,x] leg[K1a,x] 1.0
    flow[K1a,mat0,x] leg[K1b,x] 1.0
    flow[K1a,mat1,x] OBJ 1330.7534246575342
    flow[K1a,mat1,x] demand[mat1,x] 1.0
    flow[K1a,mat1,x] balance[K1-in,mat1,x] -1.0
    flow[K1a,mat1,x] leg[K1a,x] 1.0
    flow[K1a,mat1,x] leg[K1b,x] 1.0
    flow[K1a,mat2,x] OBJ 3152.123287671233
    flow[K1a,mat2,x] demand[mat2,x] 1.0
    flow[K1a,mat2,x] balance[K1-in,mat2,x] -1.0
    flow[K1a,mat2,x] leg[K1a,x] 1.0
    flow[K1a,mat2,x] leg[K1b,x] 1.0
    flow[K2a,mat0,x] OBJ 4409.86301369863
    flow[K2a,mat0,x] demand[mat0,x] 1.0
    flow[K2a,mat0,x] balance[K2-in,mat0,x] -1.0
    flow[K2a,mat0,x] leg[K2a,x] 1.0
    flow[K2a,mat0,x] leg[K2b,x] 1.0
    flow[K2a,mat2,x] OBJ 6014.246575342466
    flow[K2a,mat2,x] demand[mat2,x] 1.0
    flow[K2a,mat2,x] balance[K2-in,mat2,x] -1.0
    flow[K2a,mat2,x] leg[K2a,x] 1.0
    flow[K2a,mat2,x] leg[K2b,x] 1.0
    flow[K3a,mat0,x] OBJ 3698.821917808219
    flow[K3a,mat0,x] demand[mat0,x] 1.0
    flow[K3a,mat0,x] balance[K3-in,mat0,x] -1.0
    flow[K3a,mat0,x] leg[K3a,x] 1.0
    flow[K3a,mat0,x] leg[K3b,x] 1.0
    flow[F0-0,mat0,x] OBJ 4783.287671232877
    flow[F0-0,mat0,x] demand[mat0,x] 1.0
    flow[F0-0,mat0,x] balance[O0,mat0,x] -1.0
    flow[F0-0,mat0,x] leg[K0a,x] 1.0
    flow[F0-0,mat0,x] leg[K0b,x] 1.0
    flow[F0-0,mat0,x] leg[F0-0,x] 1.0
    flow[F0-3,mat0,x] OBJ 422.4246575342466
    flow[F0-3,mat0,x] balance[K3-in,mat0,x] 1.0
    flow[F0-3,mat0,x] balance[O0,mat0,x] -1.0
    flow[F0-3,mat0,x] leg[F0-3,x] 1.0
    flow[F5-1,mat0,x] OBJ 284.6164383561644
    flow[F5-1,mat0,x] balance[K1-in,mat0,x] 1.0
    flow[F5-1,mat0,x] balance[O5,mat0,x] -1.0
    flow[F5-1,mat0,x] leg[F5-1,x] 1.0
    flow[F5-1,mat2,x] OBJ 384.8904109589041
    flow[F5-1,mat2,x] balance[K1-in,mat2,x] 1.0
    flow[F5-1,mat2,x] balance[O5,mat2,x] -1.0
    flow[F5-1,mat2,x] leg[F5-1,x] 1.0
    flow[F5-2,mat0,x] OBJ 303.6164383561644
    flow[F5-2,mat0,x] balance[K2-in,mat0,x] 1.0
    flow[F5-2,mat0,x] balance[O5,mat0,x] -1.0
    flow[F5-2,mat0,x] leg[F5-2,x] 1.0
    flow[F5-2,mat2,x] OBJ 403.8904109589041
    flow[F5-2,mat2,x] balance[K2-in,mat2,x] 1.0
    flow[F5-2,mat2,x] balance[O5,mat2,x] -1.0
    flow[F5-2,mat2,x] leg[F5-2,x] 1.0
    flow[F6-2,mat0,x] OBJ 410.4246575342466
    flow[F6-2,mat0,x] balance[K2-in,mat0,x] 1.0
    flow[F6-2,mat0,x] balance[O6,mat0,x] -1.0
    flow[F6-2,mat0,x] leg[F6-2,x] 1.0
    flow[F6-2,mat1,x] OBJ 2590.835616438356
    flow[F6-2,mat1,x] demand[mat1,x] 1.0
    flow[F6-2,mat1,x] balance[O6,mat1,x] -1.0
    flow[F6-2,mat1,x] leg[K2a,x] 1.0
    flow[F6-2,mat1,x] leg[K2b,x] 1.0
    flow[F6-2,mat1,x] leg[F6-2,x] 1.0
    flow[F6-1,mat0,x] OBJ 283.6164383561644
    flow[F6-1,mat0,x] balance[K1-in,mat0,x] 1.0
    flow[F6-1,mat0,x] balance[O6,mat0,x] -1.0
    flow[F6-1,mat0,x] leg[F6-1,x] 1.0
    flow[F6-1,mat1,x] OBJ 156.21917808219177
    flow[F6-1,mat1,x] balance[K1-in,mat1,x] 1.0
    flow[F6-1,mat1,x] balance[O6,mat1,x] -1.0
    flow[F6-1,mat1,x] leg[F6-1,x] 1.0
    spot[mat0,x] OBJ 409580.0
    spot[mat0,x] demand[mat0,x] 1.0
    draw[mat0,x] OBJ 311000.0
    draw[mat0,x] demand[mat0,x] 1.0
    shortfall[mat0,x] OBJ 880890.0
    shortfall[mat0,x] demand[mat0,x] 1.0
    spot[mat1,x] OBJ 203610.0
    spot[mat1,x] demand[mat1,x] 1.0
    shortfall[mat1,x] OBJ 428160.0
    shortfall[mat1,x] demand[mat1,x] 1.0
    spot[mat2,x] OBJ 523410.0
    spot[mat2,x] demand[mat2,x] 1.0
    draw[mat2,x] OBJ 433000.0
    draw[mat2,x] demand[mat2,x] 1.0
    shortfall[mat2,x] OBJ 1166310.0
    shortfall[mat2,x] demand[mat2,x] 1.0
RHS
    RHS country_share[C0,mat0] 665.0
    RHS country_share[C1,mat0] 665.0
    RHS country_share[C2,mat0] 665.0
    RHS country_share[C3,mat0] 665.0
    RHS country_share[C0,mat1] 637.0
    RHS country_share[C1,mat1] 637.0
    RHS country_share[C2,mat1] 637.0
    RHS country_share[C3,mat1] 637.0
    RHS country_share[C1,mat2] 251.99999999999997
    RHS country_share[C2,mat2] 251.99999999999997
    RHS demand[mat0,x] 950.0
    RHS demand[mat1,x] 910.0
    RHS demand[mat2,x] 360.0
    RHS leg[K0a,x] 821.0
    RHS leg[K0b,x] 4440.0
    RHS leg[K1a,x] 410.92999999999995
    RHS leg[K1b,x] 1287.6
    RHS leg[K2a,x] 1671.0
    RHS leg[K2b,x] 4440.0
    RHS leg[K3a,x] 1768.0
    RHS leg[K3b,x] 4440.0
    RHS leg[F0-0,x] 4440.0
    RHS leg[F0-3,x] 4440.0
    RHS leg[F1-1,x] 4440.0
    RHS leg[F2-2,x] 4440.0
    RHS leg[F3-3,x] 4440.0
    RHS leg[F4-0,x] 4440.0
    RHS leg[F5-1,x] 4440.0
    RHS leg[F5-2,x] 4440.0
    RHS leg[F6-2,x] 4440.0
    RHS leg[F6-1,x] 4440.0
    RHS leg[F7-3,x] 4440.0
BOUNDS
 FX BND contract[S0,mat0] 6.80071290291725e-07
 FX BND contract[S1,mat1] 1.124170797921629e-07
 FX BND contract[S1,mat2] 106.94475306986412
 FX BND contract[S2,mat2] 104.68576158206369
 FX BND contract[S2,mat0] 99.15874055032513
 FX BND contract[S3,mat0] 0.003818786302383629
 FX BND contract[S4,mat1] 1.9173879596078094e-07
 FX BND contract[S5,mat2] 112.36948693357235
 FX BND contract[S5,mat0] 285.9609701882258
 FX BND contract[S6,mat0] 469.87646995398217
 FX BND contract[S6,mat1] 473.35060281799207
 FX BND contract[S7,mat1] 436.64939689518053
 UP BND ship[S0,mat0,x] 56.05
 UP BND ship[S1,mat1,x] 430.0
 UP BND ship[S1,mat2,x] 138.0
 UP BND ship[S2,mat2,x] 124.0
 UP BND ship[S2,mat0,x] 232.0
 UP BND ship[S3,mat0,x] 242.0
 UP BND ship[S4,mat1,x] 77.71000000000001
 UP BND ship[S5,mat2,x] 145.0
 UP BND ship[S5,mat0,x] 369.0
 UP BND ship[S6,mat0,x] 541.0
 UP BND ship[S6,mat1,x] 545.0
 UP BND ship[S7,mat1,x] 464.0
 UP BND spot[mat0,x] 160.0
 UP BND draw[mat0,x] 95.0
 UP BND spot[mat1,x] 126.0
 UP BND spot[mat2,x] 47.0
 UP BND draw[mat2,x] 36.0
ENDATA
