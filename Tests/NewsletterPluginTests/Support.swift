import Foundation
import Generator
import HeraldData
import Liquid
import Markup
@testable import NewsletterPlugin

/// The package root, from this file's location.
let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The real default theme, rendered by the Liquid engine with autoescape on.
let theme: ThemeRenderer = {
    let engine = LiquidEngine(loader: FileSystemLoader(roots: [packageRoot.appendingPathComponent("templates").path]),
                              options: LiquidOptions(autoescape: true))
    return ThemeRenderer { name, variables in try engine.render(named: name, variables) }
}()

let tenant = TenantConfig(id: "acme", name: "Acme & Söhne", baseURL: "https://acme.example/", edition: "pro",
                          locale: "en-GB", timeZone: "Europe/Berlin", brand: Brand(primaryColor: "#123456", accentColor: "#abcdef"))
let secretKey = "s3cr3t-unsubscribe-key-never-in-output"

func frontMatter(_ pairs: [(String, ConfigValue)], file: String = "content/acme/newsletter/x.md") -> ConfigNode {
    ConfigNode(.map(pairs.enumerated().map { index, pair in
        (key: pair.0, value: ConfigNode(pair.1, at: SourceLocation(file: file, line: index + 2, column: 1)))
    }), at: SourceLocation(file: file, line: 1))
}

func issueDocument(_ path: String, _ body: String, _ pairs: [(String, ConfigValue)]) -> ContentDocument {
    ContentDocument(path: path, frontMatter: frontMatter(pairs, file: "content/acme/" + path), body: body, bodyLine: pairs.count + 3,
                    location: SourceLocation(file: "content/acme/" + path, line: 1))
}

func makeInput(_ documents: [ContentDocument], subscribers: [Subscriber]?, settings: [(String, ConfigValue)] = [],
               limits: [String: Int] = [:], secret: String? = secretKey, tenant: TenantConfig = tenant) -> PluginInput {
    var snapshot = Snapshot(date: "2026-11-30", folder: "snapshots/acme/2026-11-30")
    snapshot.subscribers = subscribers
    return PluginInput(tenant: tenant, snapshot: snapshot, content: documents, settings: PluginSettings(frontMatter(settings)),
                       limits: limits, now: Date(timeIntervalSince1970: 1_796_083_200), templates: theme,
                       secrets: SecretStore(secret.map { ["unsubscribe_key": Array($0.utf8)] } ?? [:]))
}

/// One run of the newsletter plugin as a build sees it: the artifacts it emitted while running (the messages) and
/// those it returned, together.
struct NewsletterRun {
    var output: PluginOutput
    /// What went through `input.emitter`, in the order it was emitted.
    var emitted: [Artifact]

    /// Every artifact, emitted or returned, sorted by path.
    var artifacts: [Artifact] { (emitted + output.artifacts).sorted { $0.path < $1.path } }
    var summary: ReportSummary? { output.summary }
    var pages: [PublishedPage] { output.pages }
    var notices: [Diagnostic] { output.notices }

    func artifact(_ path: String) -> Artifact? { artifacts.first { $0.path.value == path } }
    func text(_ path: String) -> String? { artifact(path).map { String(decoding: $0.bytes, as: UTF8.self) } }
}

/// Runs `plugin` on `input` with a fresh in-memory emitter.
func runNewsletter(_ input: PluginInput, _ plugin: NewsletterPlugin = NewsletterPlugin()) throws -> NewsletterRun {
    var input = input
    input.emitter = .inMemory(plugin: plugin.id)
    let output = try plugin.run(input)
    return NewsletterRun(output: output, emitted: input.emitter.collected)
}

/// What Python's `email` package (policy.default) reads back from a message.
struct ParsedMessage: Decodable {
    var subject: String
    var from_name: String
    var from_addr: String
    var to_name: String
    var to_addr: String
    var date: String
    var message_id: String
    var list_id: String
    var list_unsubscribe: String
    var list_unsubscribe_post: String
    var content_types: [String]
    var text: String
    var html: String
    var defects: [String]
    var max_line: Int
    var bare_newlines: Bool
    var dot_lines: Bool
    var mime_version: String
    /// The longest line of the quoted-printable bodies, in octets (without CRLF).
    var qp_max_line: Int
    /// Every RFC 2047 encoded-word in the header section: its length and whether its payload alone decodes as UTF-8.
    var encoded_words: [EncodedWord]
    /// The raw header lines (unfolded continuation lines kept separate).
    var header_lines: [String]
}

struct EncodedWord: Decodable {
    var word: String
    var length: Int
    var whole: Bool
}

enum Python {
    static let script = """
    import sys, json, email, re, base64, quopri
    from email import policy
    def word_ok(charset, enc, payload):
        try:
            raw = base64.b64decode(payload, validate=True) if enc.lower() == 'b' else quopri.decodestring(payload.replace('_', ' ').encode(), header=True)
            raw.decode(charset, errors='strict')
            return True
        except Exception:
            return False
    for path in sys.argv[1:]:
        data = open(path, 'rb').read()
        msg = email.message_from_bytes(data, policy=policy.default)
        defects = [type(d).__name__ for d in msg.defects]
        for part in msg.walk():
            defects += [type(d).__name__ for d in part.defects]
        to = msg['to'].addresses[0]
        frm = msg['from'].addresses[0]
        lines = data.split(b'\\r\\n')
        head = data.split(b'\\r\\n\\r\\n', 1)[0].decode('ascii')
        body_lines = data.split(b'\\r\\n\\r\\n', 1)[1].split(b'\\r\\n')
        out = {
            'subject': str(msg['subject']), 'from_name': frm.display_name, 'from_addr': frm.addr_spec,
            'to_name': to.display_name, 'to_addr': to.addr_spec, 'date': str(msg['date']),
            'message_id': str(msg['message-id']), 'list_id': str(msg['list-id']),
            'list_unsubscribe': str(msg['list-unsubscribe']), 'list_unsubscribe_post': str(msg['list-unsubscribe-post']),
            'content_types': [p.get_content_type() for p in msg.walk()],
            'text': msg.get_body(('plain',)).get_content().replace('\\r\\n', '\\n'),
            'html': msg.get_body(('html',)).get_content().replace('\\r\\n', '\\n'),
            'defects': defects, 'max_line': max(len(l) for l in lines),
            'bare_newlines': b'\\n' in data.replace(b'\\r\\n', b''),
            'dot_lines': any(l.startswith(b'.') for l in body_lines),
            'mime_version': str(msg['mime-version']),
            'qp_max_line': max(len(l) for l in body_lines),
            'encoded_words': [{'word': m.group(0), 'length': len(m.group(0)), 'whole': word_ok(m.group(1), m.group(2), m.group(3))}
                              for m in re.finditer(r'=\\?([^?]+)\\?([bBqQ])\\?([^?]*)\\?=', head)],
            'header_lines': head.split('\\r\\n'),
        }
        print(json.dumps(out))
    """

    static var available: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") }

    /// Parses messages with Python; nil when python3 is missing.
    static func parse(_ messages: [[UInt8]]) throws -> [ParsedMessage]? {
        guard available else { return nil }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("herald-newsletter-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var paths: [String] = []
        for (k, message) in messages.enumerated() {
            let url = dir.appendingPathComponent("\(k).eml")
            try Data(message).write(to: url)
            paths.append(url.path)
        }
        var results: [ParsedMessage] = []
        // Batches keep the argument list short.
        for start in stride(from: 0, to: paths.count, by: 200) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            process.arguments = ["-c", script] + paths[start..<min(start + 200, paths.count)]
            let pipe = Pipe()
            let errors = Pipe()
            process.standardOutput = pipe
            process.standardError = errors
            try process.run()
            let output = pipe.fileHandleForReading.readDataToEndOfFile()
            let errorOutput = errors.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw PythonError(message: String(decoding: errorOutput, as: UTF8.self))
            }
            for line in output.split(separator: UInt8(ascii: "\n")) {
                results.append(try JSONDecoder().decode(ParsedMessage.self, from: Data(line)))
            }
        }
        return results
    }
}

struct PythonError: Error, CustomStringConvertible {
    var message: String
    var description: String { "python3 failed: \(message)" }
}

/// A folder under ../shared (beside the repository or its parent), or nil with a printed note when it is absent.
func sharedFolder(_ relative: String) -> URL? {
    let parent = packageRoot.deletingLastPathComponent()
    for base in [parent, parent.deletingLastPathComponent()] {
        let url = base.appendingPathComponent("shared/" + relative)
        if FileManager.default.fileExists(atPath: url.path) { return url }
    }
    print("../shared/\(relative) is absent; its conformance tests are skipped")
    return nil
}

/// The base names of the files in `folder` ending in `suffix`, sorted.
func sharedCaseNames(in folder: URL?, suffix: String) -> [String] {
    guard let folder else { return [] }
    let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return files.filter { $0.hasSuffix(suffix) }.map { String($0.dropLast(suffix.count)) }.sorted()
}
