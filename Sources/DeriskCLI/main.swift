import Derisk
print("derisk \(DeriskVersion.string)")
