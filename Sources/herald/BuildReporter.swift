import Foundation
import Generator

/// Shows a build to a person (progress on a terminal, then a table) or to a machine (JSON lines on stdout).
final class BuildReporter: @unchecked Sendable {
    private let json: Bool
    private let interactive: Bool
    private let lock = NSLock()

    init(json: Bool, interactive: Bool) {
        self.json = json
        self.interactive = interactive
    }

    func handle(_ event: BuildEvent) {
        lock.lock()
        defer { lock.unlock() }
        if json {
            emitJSON(event)
            return
        }
        switch event {
        case let .tenantStarted(tenant):
            if interactive { printError("• \(tenant): building") }
        case let .pluginFinished(tenant, plugin, seconds, artifacts):
            if interactive { printError("  \(tenant) › \(plugin): \(artifacts) files in \(format(seconds))") }
        case let .notice(tenant, plugin, message, _):
            // The message is a diagnostic's text, which names its own severity.
            printError("  \(tenant)\(plugin.map { " › " + $0 } ?? ""): \(message)")
        case let .tenantFinished(result):
            if let failure = result.failure {
                printError("✗ \(result.tenant) failed: \(failure)")
            } else if interactive {
                printError("✓ \(result.tenant): \(result.artifactCount) files in \(format(result.totalSeconds))")
            }
        case .phaseFinished:
            break
        }
    }

    func finish(_ results: [TenantResult], output: String, seconds: Double) {
        lock.lock()
        defer { lock.unlock() }
        if json {
            emit(["event": "build_finished", "output": output, "seconds": rounded(seconds),
                  "tenants": results.count, "failed": results.filter { !$0.succeeded }.count])
            return
        }
        // Steps in the order they ran (load, content plugins, index plugins, write).
        var steps: [String] = []
        for step in results.flatMap({ $0.timings.map(\.step) }) where !steps.contains(step) { steps.append(step) }
        var rows = [["tenant", "status", "files"] + steps]
        for result in results {
            let times = Dictionary(result.timings.map { ($0.step, $0.seconds) }, uniquingKeysWith: +)
            rows.append([result.tenant, result.succeeded ? "built" : "FAILED", result.succeeded ? String(result.artifactCount) : "-"]
                + steps.map { times[$0].map(format) ?? "" })
        }
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            print(row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  "))
        }
        let failed = results.filter { !$0.succeeded }.count
        print("\n\(results.count - failed) of \(results.count) tenant\(results.count == 1 ? "" : "s") built in \(format(seconds)); output in \(output)")
        if failed > 0 { print("\(failed) failed: see the messages above") }
    }

    func fail(_ message: String) {
        if json { emit(["event": "build_failed", "message": message]) } else { printError("herald build: \(message)") }
    }

    private func format(_ seconds: Double) -> String {
        seconds < 1 ? String(format: "%.0f ms", seconds * 1000) : String(format: "%.2f s", seconds)
    }

    private func rounded(_ seconds: Double) -> Double { (seconds * 1000).rounded() / 1000 }

    private func emitJSON(_ event: BuildEvent) {
        switch event {
        case let .tenantStarted(tenant):
            emit(["event": "tenant_started", "tenant": tenant])
        case let .phaseFinished(tenant, step, seconds):
            emit(["event": "step_finished", "tenant": tenant, "step": step, "seconds": rounded(seconds)])
        case let .pluginFinished(tenant, plugin, seconds, artifacts):
            emit(["event": "plugin_finished", "tenant": tenant, "plugin": plugin, "seconds": rounded(seconds), "files": artifacts])
        case let .notice(tenant, plugin, message, severity):
            emit(["event": "notice", "tenant": tenant, "plugin": plugin ?? "", "message": message, "severity": severity.rawValue])
        case let .tenantFinished(result):
            var object: [String: Any] = ["event": "tenant_finished", "tenant": result.tenant, "status": result.succeeded ? "built" : "failed",
                                         "files": result.artifactCount, "seconds": rounded(result.totalSeconds)]
            if let failure = result.failure { object["message"] = failure }
            emit(object)
        }
    }

    private func emit(_ object: [String: Any]) {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return }
        FileHandle.standardOutput.write(data + Data([10]))
    }
}
