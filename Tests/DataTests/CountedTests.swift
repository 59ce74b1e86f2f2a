import HeraldData
import Testing

@Suite struct CountedTests {
    @Test("a count reads with its noun in the right number", arguments: [
        (0, "notice", nil, "0 notices"),
        (1, "notice", nil, "1 notice"),
        (2, "page", nil, "2 pages"),
        (1, "entry", "entries", "1 entry"),
        (3, "entry", "entries", "3 entries"),
    ] as [(Int, String, String?, String)])
    func reads(_ count: Int, _ singular: String, _ plural: String?, _ expected: String) {
        #expect(counted(count, singular, plural) == expected)
    }
}
