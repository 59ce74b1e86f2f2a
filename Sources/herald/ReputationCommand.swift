import Generator
import Plugins

enum ReputationCommand {
    static let usage = """
        Usage: herald reputation evaluate SHARED_DIR

        Scores the human-rated sentiment corpora in SHARED_DIR/corpus/sentiment (SHARED_DIR may also be that
        corpus/sentiment folder itself) with the reputation plugin's sentiment and prints the Pearson correlation
        with the human ratings, next to VADER 3.3.2's.

        Exit status: 0 on success, 1 when the corpus cannot be read, 2 for usage errors.
        """

    static func run(_ arguments: [String]) -> Int32 {
        if arguments.contains("--help") || arguments.contains("-h") {
            print(usage)
            return 0
        }
        guard arguments.count == 2, arguments[0] == "evaluate" else {
            printError("herald reputation: expected `evaluate SHARED_DIR`\n\n\(usage)")
            return 2
        }
        do {
            print(try BuiltinPlugins.sentimentEvaluation(sharedRoot: sharedRoot(arguments[1])), terminator: "")
            return 0
        } catch {
            printError("herald reputation: \(describe(error))")
            return 1
        }
    }

    /// Accepts the corpus folder itself as well as the shared folder above it.
    static func sharedRoot(_ argument: String) -> String {
        let trimmed = argument.hasSuffix("/") ? String(argument.dropLast()) : argument
        return trimmed.hasSuffix("corpus/sentiment") ? trimmed + "/../.." : argument
    }
}
