/// Herald's version; the snapshot format version is documented in docs/format.md.
let heraldVersion = "0.1.0"
