import Generator
import Plugins

enum ReputationCommand {
    static let usage = """
        Usage: herald reputation evaluate SHARED_DIR

        Scores the human-rated sentiment corpora in SHARED_DIR/corpus/sentiment with the reputation plugin's
        sentiment and prints the Pearson correlation with the human ratings, next to VADER 3.3.2's.
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
            print(try BuiltinPlugins.sentimentEvaluation(sharedRoot: arguments[1]), terminator: "")
            return 0
        } catch {
            printError("herald reputation: \(describe(error))")
            return 1
        }
    }
}
