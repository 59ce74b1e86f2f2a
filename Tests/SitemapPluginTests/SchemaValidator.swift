import CLibXML2
import Foundation
import Markup

/// Validates XML against an XSD with libxml2's xmlschemas, collecting the error messages.
enum SchemaValidator {
    /// `../shared/schemas/sitemaps` relative to the package root (or `$HERALD_SHARED/schemas/sitemaps`, for
    /// worktrees that do not sit beside `shared/`); nil when absent.
    static let schemaFolder: String? = {
        var candidates: [String] = []
        if let shared = ProcessInfo.processInfo.environment["HERALD_SHARED"], !shared.isEmpty { candidates.append(shared) }
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        candidates.append(packageRoot.deletingLastPathComponent().appendingPathComponent("shared").path)
        for candidate in candidates {
            let folder = candidate + "/schemas/sitemaps"
            if FileManager.default.fileExists(atPath: folder + "/sitemap.xsd") { return folder }
        }
        return nil
    }()

    static var skipMessage: String { "needs ../shared/schemas/sitemaps (or HERALD_SHARED); skipped" }

    private final class Errors: @unchecked Sendable {
        var messages: [String] = []
    }

    /// The validation errors of `xml` against the schema file `xsd` (empty = valid).
    static func errors(_ xml: [UInt8], schema xsd: String) -> [String] {
        let errors = Errors()
        let context = Unmanaged.passUnretained(errors).toOpaque()
        let handler: xmlStructuredErrorFunc = { userData, error in
            guard let userData, let error, let message = error.pointee.message else { return }
            let box = Unmanaged<Errors>.fromOpaque(userData).takeUnretainedValue()
            box.messages.append("line \(error.pointee.line): " + String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        LibXML.initialize()
        guard let parser = xmlSchemaNewParserCtxt(xsd) else { return ["cannot open \(xsd)"] }
        defer { xmlSchemaFreeParserCtxt(parser) }
        xmlSchemaSetParserStructuredErrors(parser, handler, context)
        guard let schema = xmlSchemaParse(parser) else { return ["cannot parse \(xsd): \(errors.messages)"] }
        defer { xmlSchemaFree(schema) }
        guard let validator = xmlSchemaNewValidCtxt(schema) else { return ["cannot create a validator"] }
        defer { xmlSchemaFreeValidCtxt(validator) }
        xmlSchemaSetValidStructuredErrors(validator, handler, context)
        let document: xmlDocPtr? = xml.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlReadMemory($0, Int32(buffer.count), "sitemap.xml", "UTF-8", Int32(XML_PARSE_NONET.rawValue))
            }
        }
        guard let document else { return ["not well-formed XML"] + errors.messages }
        defer { xmlFreeDoc(document) }
        let result = xmlSchemaValidateDoc(validator, document)
        withExtendedLifetime(errors) {}
        if result != 0 && errors.messages.isEmpty { return ["invalid (code \(result))"] }
        return errors.messages
    }
}
