import AttributionPlugin
import Foundation
import HeraldData

/// The shared corpus lives at `../shared` beside the package root and is never copied into the repo.
/// `HERALD_SHARED` overrides the location (useful from a git worktree). Nil when absent: tests then skip.
let sharedRoot: String? = {
    if let override = ProcessInfo.processInfo.environment["HERALD_SHARED"], !override.isEmpty {
        return FileManager.default.fileExists(atPath: override) ? override : nil
    }
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    let path = url.deletingLastPathComponent().appendingPathComponent("shared").path
    return FileManager.default.fileExists(atPath: path) ? path : nil
}()

func readShared(_ relative: String) -> [UInt8]? {
    guard let root = sharedRoot, let data = FileManager.default.contents(atPath: root + "/" + relative) else { return nil }
    return [UInt8](data)
}

/// A minimal RFC 4180 reader for the test inputs (the product's loaders live in HeraldData):
/// returns the header and the records with their 1-based line numbers.
func readCSV(_ bytes: [UInt8], separator: UInt8 = UInt8(ascii: ",")) -> (header: [String], rows: [(line: Int, fields: [String])]) {
    var rows: [(line: Int, fields: [String])] = []
    var fields: [String] = []
    var field: [UInt8] = []
    var quoted = false
    var i = 0
    var line = 1
    var recordLine = 1
    while i < bytes.count {
        let b = bytes[i]
        if quoted {
            if b == UInt8(ascii: "\"") {
                if i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\"") {
                    field.append(b)
                    i += 1
                } else {
                    quoted = false
                }
            } else {
                if b == 10 { line += 1 }
                field.append(b)
            }
        } else if b == UInt8(ascii: "\"") && field.isEmpty {
            quoted = true
        } else if b == separator {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        } else if b == 10 {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            rows.append((recordLine, fields))
            fields.removeAll(keepingCapacity: true)
            line += 1
            recordLine = line
        } else if b != 13 {
            field.append(b)
        }
        i += 1
    }
    if !field.isEmpty || !fields.isEmpty {
        fields.append(String(decoding: field, as: UTF8.self))
        rows.append((recordLine, fields))
    }
    guard let first = rows.first else { return ([], []) }
    return (first.fields, Array(rows.dropFirst()))
}

private func columns(_ header: [String]) -> [String: Int] {
    Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, $0) })
}

private func optional(_ s: String) -> String? { s.isEmpty ? nil : s }

func readPaths(_ bytes: [UInt8]) -> [AggregatedPath] {
    let (header, rows) = readCSV(bytes, separator: UInt8(ascii: ";"))
    let c = columns(header)
    return rows.map { row in
        AggregatedPath(channels: row.fields[c["path"]!].split(separator: ">").map { String($0) },
                       conversions: Double(row.fields[c["total_conversions"]!])!,
                       value: Double(row.fields[c["total_conversion_value"]!])!,
                       nulls: Double(row.fields[c["total_null"]!])!)
    }
}

func readTouchpoints(_ bytes: [UInt8]) -> [Touchpoint] {
    let (header, rows) = readCSV(bytes)
    let c = columns(header)
    return rows.map { row in
        let f = row.fields
        return Touchpoint(id: f[c["touchpoint_id"]!], anonymousID: optional(f[c["anonymous_id"]!]), userID: optional(f[c["user_id"]!]),
                          timestamp: parseTimestamp(f[c["timestamp"]!])!, channel: f[c["channel"]!],
                          source: optional(f[c["source"]!]), medium: optional(f[c["medium"]!]), campaign: optional(f[c["campaign"]!]),
                          cost: Double(f[c["cost"]!]), line: row.line)
    }
}

func readConversions(_ bytes: [UInt8]) -> [Conversion] {
    let (header, rows) = readCSV(bytes)
    let c = columns(header)
    return rows.map { row in
        let f = row.fields
        return Conversion(id: f[c["conversion_id"]!], userID: f[c["user_id"]!], timestamp: parseTimestamp(f[c["timestamp"]!])!,
                          value: Double(f[c["value"]!])!, currency: f[c["currency"]!], line: row.line)
    }
}

func readIdentities(_ bytes: [UInt8]) -> [Identity] {
    let (header, rows) = readCSV(bytes)
    let c = columns(header)
    return rows.map { row in
        Identity(anonymousID: row.fields[c["anonymous_id"]!], userID: row.fields[c["user_id"]!],
                 timestamp: parseTimestamp(row.fields[c["timestamp"]!])!)
    }
}
