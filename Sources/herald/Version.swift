/// Herald's version; the snapshot format version is documented in docs/format.md.
let heraldVersion = "0.1.0"

/// `herald version`: no options; `--help` explains, anything else is a usage error.
func versionCommand(_ arguments: [String]) -> Int32 {
    let usage = "Usage: herald version\n\nPrints Herald's version (also `herald --version`)."
    switch arguments {
    case []:
        print("herald \(heraldVersion)")
        return 0
    case ["--help"], ["-h"]:
        print(usage)
        return 0
    default:
        printError("herald version: unexpected argument '\(arguments[0])'\n\n\(usage)")
        return 2
    }
}
