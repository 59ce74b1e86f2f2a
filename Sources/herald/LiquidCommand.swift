#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HeraldData
import Liquid

/// `herald liquid render|conformance …`: the Liquid engine on the command line.
enum LiquidCommand {
    static let usage = """
        Usage: herald liquid render TEMPLATE [--data FILE.json] [--partials DIR] [--strict] [--autoescape]
               herald liquid conformance FILE.json
               herald liquid bench FIXTURES_DIR [--samples K] [--min-time SECONDS] [--only NAME[,NAME]]

          render       render TEMPLATE (a file path) and print the result
            --data       JSON object with the render variables
            --partials   directory for {% include %} / {% render %} (default: the template's directory)
            --strict     strict parsing, undefined variables and filters are errors
            --autoescape HTML-escape {{ }} output
          conformance  run a golden-liquid suite; prints failures and 'N passed, M failed'
          bench        time parse and render over golden-liquid benchmark fixtures (median µs per call,
                       checked against expected_result.txt), in the format of ../shared/bench/liquid

        Exit status: 0 ok, 1 template or suite error, 2 usage error.
        """

    static func run(_ arguments: [String]) -> Int32 {
        guard let command = arguments.first else { return fail(usage, 2) }
        if command == "--help" || command == "-h" || command == "help" {
            print(usage)
            return 0
        }
        let rest = Array(arguments.dropFirst())
        switch command {
        case "render": return render(rest)
        case "conformance": return conformance(rest)
        case "bench": return LiquidBench.run(rest)
        default: return fail("unknown liquid subcommand '\(command)'\n\n" + usage, 2)
        }
    }

    static func fail(_ message: String, _ code: Int32) -> Int32 {
        let bytes = Array(("herald liquid: " + message + "\n").utf8)
        _ = bytes.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count) }
        return code
    }

    static func render(_ arguments: [String]) -> Int32 {
        var template: String? = nil
        var dataPath: String? = nil
        var partials: String? = nil
        var strict = false
        var autoescape = false
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            switch argument {
            case "--help", "-h":
                print(usage)
                return 0
            case "--data", "--partials":
                guard i + 1 < arguments.count else { return fail("\(argument) needs a value\n\n" + usage, 2) }
                if argument == "--data" { dataPath = arguments[i + 1] } else { partials = arguments[i + 1] }
                i += 1
            case "--strict": strict = true
            case "--autoescape": autoescape = true
            default:
                if argument.hasPrefix("-") || template != nil { return fail("unexpected argument '\(argument)'\n\n" + usage, 2) }
                template = argument
            }
            i += 1
        }
        guard let template else { return fail("render needs a TEMPLATE\n\n" + usage, 2) }
        let files = LocalFileSystem()
        if let partials, !files.isDirectory(partials) {
            let what = files.exists(partials) ? "is not a directory" : "does not exist"
            return fail("--partials \(partials) \(what)\n\n" + usage, 2)
        }
        let source: String
        switch readFile(template) {
        case .success(let text): source = text
        case .failure(let reason): return fail("cannot read template \(template): \(reason.message)", 1)
        }
        var variables = LiquidObject()
        if let dataPath {
            let json: String
            switch readFile(dataPath) {
            case .success(let text): json = text
            case .failure(let reason): return fail("cannot read data file \(dataPath): \(reason.message)", 1)
            }
            do {
                guard case .object(let object) = try JSONReader.parse(json) else {
                    return fail("\(dataPath):1:1: expected a JSON object holding the render variables", 1)
                }
                variables = object
            } catch let error as JSONReader.Failure {
                return fail(error.description(file: dataPath), 1)
            } catch {
                return fail("\(dataPath): \(error)", 1)
            }
        }
        let root = partials ?? (template.contains("/") ? String(template[..<template.lastIndex(of: "/")!]) : ".")
        let options = LiquidOptions(strictVariables: strict, strictFilters: strict, strictParsing: strict,
                                    autoescape: autoescape)
        let engine = LiquidEngine(loader: FileSystemLoader(roots: [root]), options: options)
        do {
            let output = try engine.parse(source, name: template).render(variables)
            print(output, terminator: "")
            return 0
        } catch {
            return fail("\(error)", 1)
        }
    }

    struct ReadFailure: Error { var message: String }

    /// The file's text, or why it cannot be read (a directory reads as empty through `fopen`, so it is
    /// refused by name).
    static func readFile(_ path: String) -> Result<String, ReadFailure> {
        if LocalFileSystem().isDirectory(path) { return .failure(ReadFailure(message: "it is a directory")) }
        guard let text = FileSystemLoader.read(path) else { return .failure(ReadFailure(message: String(cString: strerror(errno)))) }
        return .success(text)
    }

    static func conformance(_ arguments: [String]) -> Int32 {
        if arguments.first == "--help" || arguments.first == "-h" {
            print(usage)
            return 0
        }
        guard arguments.count == 1 else { return fail("conformance needs exactly one FILE.json\n\n" + usage, 2) }
        guard let json = FileSystemLoader.read(arguments[0]) else { return fail("cannot read \(arguments[0])", 1) }
        do {
            let report = try LiquidConformance.run(json: json)
            for failure in report.failures {
                print("FAIL \(failure.name)")
                print("  template: \(failure.template.debugDescription)")
                print("  expected: \(failure.expected.debugDescription)")
                print("  actual:   \(failure.actual.debugDescription)")
            }
            print("\(report.passed) passed, \(report.failures.count) failed")
            return report.failures.isEmpty ? 0 : 1
        } catch {
            return fail("\(error)", 1)
        }
    }
}
