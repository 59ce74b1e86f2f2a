import Foundation
import Generator
import Plugins

enum UnsubscribeCommand {
    static let usage = """
        Usage: herald unsubscribe verify URL --tenant ID
               herald unsubscribe verify TOKEN --tenant ID --issue SLUG --subscriber ID

        Checks an unsubscribe token the newsletter plugin signed (docs/newsletter.md, "Unsubscribe token"): the URL
        form reads the token, issue and subscriber from the link's `t`, `i` and `s` parameters. Prints `valid` or
        `invalid` with the issue and subscriber. The HMAC secret comes from HERALD_UNSUBSCRIBE_KEY, or from the file
        named by HERALD_UNSUBSCRIBE_KEY_FILE, as for `herald build`; it is never printed.

        Exit status: 0 valid, 1 invalid (or no secret), 2 for usage errors.
        """

    static func run(_ arguments: [String]) -> Int32 {
        let parsed: ParsedArguments
        let token: String, issue: String, subscriber: String, tenant: String
        do {
            parsed = try OptionSpec(valued: ["tenant", "issue", "subscriber"], flags: ["help", "h"]).parse(arguments)
            if parsed.flags.contains("help") || parsed.flags.contains("h") {
                print(usage)
                return 0
            }
            guard parsed.positionals.first == "verify" else {
                throw UsageError(description: parsed.positionals.first.map { "unknown subcommand '\($0)'" } ?? "expected `verify`")
            }
            guard parsed.positionals.count == 2 else { throw UsageError(description: "expected one URL or TOKEN") }
            guard let t = parsed.value("tenant") else { throw UsageError(description: "missing --tenant ID") }
            tenant = t
            let argument = parsed.positionals[1]
            if argument.contains("?") {
                guard let parts = BuiltinPlugins.unsubscribeParts(of: argument) else {
                    throw UsageError(description: "the URL has no t=, i= and s= parameters")
                }
                (token, issue, subscriber) = parts
            } else {
                guard let i = parsed.value("issue"), let s = parsed.value("subscriber") else {
                    throw UsageError(description: "a bare TOKEN needs --issue SLUG and --subscriber ID")
                }
                (token, issue, subscriber) = (argument, i, s)
            }
        } catch {
            printError("herald unsubscribe: \(error)\n\n\(usage)")
            return 2
        }
        let secret: [UInt8]
        do {
            guard let value = try SecretStore.fromEnvironment(ProcessInfo.processInfo.environment, names: ["unsubscribe_key"])
                .secret("unsubscribe_key") else {
                printError("herald unsubscribe: no secret: set HERALD_UNSUBSCRIBE_KEY or HERALD_UNSUBSCRIBE_KEY_FILE")
                return 1
            }
            secret = value
        } catch {
            printError("herald unsubscribe: \(error)")
            return 1
        }
        let valid = BuiltinPlugins.verifyUnsubscribe(secret: secret, token: token, tenant: tenant, issue: issue, subscriber: subscriber)
        print("\(valid ? "valid" : "invalid")  tenant \(tenant)  issue \(issue)  subscriber \(subscriber)")
        return valid ? 0 : 1
    }
}
