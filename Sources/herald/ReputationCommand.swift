enum ReputationCommand {
    static func run(_ arguments: [String]) -> Int32 {
        printError("herald reputation: not wired yet")
        return 2
    }
}
