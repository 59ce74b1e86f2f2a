import Generator
import HeraldData

/// Multi-touch attribution: who gets the credit for conversions, under seven models.
///
/// Input: `conversions.csv` with `touchpoints.csv` and `identities.csv` (event level), else `paths.csv`
/// (pre-aggregated). Output: `reports/attribution/index.html` and `reports/attribution/attribution.csv`.
public struct AttributionPlugin: Plugin {
    public init() {}

    public var id: String { "attribution" }

    static let folder = "reports/attribution"

    public func check(_ input: PluginCheckInput) -> [Diagnostic] {
        diagnostics(at: input.settings.node.location) { _ = try AttributionSettings.load(input.settings) }
    }

    public func run(_ input: PluginInput) throws -> PluginOutput {
        let settings = try AttributionSettings.load(input.settings)
        let currency = input.tenant.reportingCurrency
        let snapshot = input.snapshot
        var notices: [Diagnostic] = []

        let journeys: JourneySet
        let stats: EventJourneyStats?
        let source: String
        if let conversions = snapshot.conversions {
            let file = join(snapshot.folder, "conversions.csv")
            let converter = try CurrencyConverter(rates: snapshot.rates, reportingCurrency: currency,
                                                  ratesFile: join(snapshot.folder, "rates.csv"))
            let built = try EventJourneys.build(
                touchpoints: snapshot.touchpoints ?? [], conversions: conversions, identities: snapshot.identities ?? [],
                lookback: LookbackWindow(days: settings.lookbackDays),
                convert: { conversion in
                    try converter.convert(conversion.value, from: conversion.currency,
                                          at: SourceLocation(file: file, line: conversion.line))
                })
            journeys = built.journeys
            stats = built.stats
            source = "touchpoints.csv, conversions.csv and identities.csv"
            for conflict in built.stats.touchDuplicates.conflicts {
                notices.append(Diagnostic("touchpoint id \(conflict.id) repeats line \(conflict.firstLine) with different content; the first row was used",
                                          at: SourceLocation(file: join(snapshot.folder, "touchpoints.csv"), line: conflict.line), severity: .warning))
            }
            for conflict in built.stats.conversionDuplicates.conflicts {
                notices.append(Diagnostic("conversion id \(conflict.id) repeats line \(conflict.firstLine) with different content; the first row was used",
                                          at: SourceLocation(file: file, line: conflict.line), severity: .warning))
            }
            if snapshot.touchpoints == nil {
                notices.append(Diagnostic("the snapshot has conversions.csv but no touchpoints.csv: every conversion is unattributed",
                                          at: SourceLocation(file: snapshot.folder), severity: .warning))
            }
        } else if let paths = snapshot.paths {
            journeys = PathJourneys.build(paths)
            stats = nil
            source = "paths.csv"
        } else {
            throw Diagnostic("attribution needs conversions.csv (with touchpoints.csv and identities.csv) or paths.csv in the snapshot",
                             at: SourceLocation(file: snapshot.folder))
        }

        let result: AttributionResult
        do {
            result = try Attribution.compute(journeys, models: settings.models, directChannel: settings.directChannel,
                                             halfLifeDays: settings.halfLifeDays)
        } catch {
            throw Diagnostic("the Markov chain could not be solved: \(error)", at: SourceLocation(file: snapshot.folder))
        }

        let notes = AttributionNotes.notes(settings: settings, journeys: journeys, stats: stats, currency: currency)
        let htmlPath = "\(Self.folder)/index.html"
        let variables = AttributionPage.variables(result, notes: notes, currency: currency, source: source)
        let html = try input.templates.renderPage("attribution/index.html", variables,
                                                  page: PageMeta(title: "Attribution"),
                                                  tenant: input.tenant, outputPath: htmlPath)
        let artifacts = [
            try Artifact("\(Self.folder)/attribution.csv", text: AttributionCSV.render(result)),
            try Artifact(htmlPath, text: html),
        ]
        return PluginOutput(artifacts: artifacts, summary: AttributionPage.summary(result, currency: currency, link: htmlPath),
                            notices: notices)
    }

    private func join(_ folder: String, _ file: String) -> String {
        folder.isEmpty ? file : (folder.hasSuffix("/") ? folder + file : folder + "/" + file)
    }
}
