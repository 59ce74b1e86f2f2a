import HeraldData

/// HTTP dates (`Last-Modified`), RFC 9110 §5.6.7: IMF-fixdate, plus the obsolete RFC 850 and asctime forms
/// that recipients must accept. HTTP dates are always UTC.
enum HTTPDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func parse(_ text: String) -> Timestamp? {
        // Tokens of letters/digits, split on space, comma, dash and colon.
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "-" || $0 == ":" || $0 == "\t" }).map(String.init)
        var day: Int?, month: Int?, year: Int?, hour: Int?, minute: Int?, second: Int?
        var numbers: [Int] = []
        for token in tokens {
            if let index = months.firstIndex(of: token.lowercased()) {
                month = index + 1
            } else if let value = Int(token) {
                numbers.append(value)
            } else if token.uppercased() != "GMT", token.uppercased() != "UTC", token.count < 3 {
                return nil
            }
        }
        guard month != nil, numbers.count == 5 else { return nil }
        if tokens.count >= 2, Int(tokens[tokens.count - 1]) != nil, tokens.count == 7 {
            // asctime: "Sun Nov  6 08:49:37 1994" → day, h, m, s, year
            (day, hour, minute, second, year) = (numbers[0], numbers[1], numbers[2], numbers[3], numbers[4])
        } else {
            // IMF-fixdate / RFC 850: day, year, h, m, s
            (day, year, hour, minute, second) = (numbers[0], numbers[1], numbers[2], numbers[3], numbers[4])
            if year! < 100 { year! += year! < 70 ? 2000 : 1900 }
        }
        guard let day, let month, let year, let hour, let minute, let second,
              (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second)
        else { return nil }
        let days = CivilCalendar.daysFromCivil(year, month, day)
        let seconds = Int64(days) * 86400 + Int64(hour * 3600 + minute * 60 + second)
        return Timestamp(millisecondsSinceEpoch: seconds * 1000, offsetSeconds: 0)
    }
}
