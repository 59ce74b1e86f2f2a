import Testing
@testable import NewsletterPlugin

/// Subscriber ids become file names: safe, distinct, and short enough for any file system.
@Suite("Subscriber file names")
struct SubscriberFileNameTests {
    @Test("short ids are encoded byte for byte", arguments: [
        ("sub-1", "sub-1"), ("a/b", "a_2Fb"), ("..", "_2E_2E"), ("é", "_C3_A9"), ("", "_"),
    ])
    func encoded(id: String, name: String) {
        #expect(SubscriberFileName.make(id) == name)
    }

    @Test("long ids are cut to at most 200 bytes and stay distinct", arguments: [
        "sub-" + String(repeating: "é", count: 150),
        String(repeating: "x", count: 300),
        String(repeating: "/", count: 70),
    ])
    func long(id: String) {
        let name = SubscriberFileName.make(id)
        #expect(name.utf8.count <= SubscriberFileName.maxBytes)
        #expect(name.contains("_h"))
        #expect(SubscriberFileName.make(id + "1") != name)
        #expect(!name.contains("/") && !name.contains(".."))
    }

    @Test("a shortened name never equals the name of another, short id")
    func noCollisionWithShortIds() {
        let long = SubscriberFileName.make(String(repeating: "a", count: 250))
        #expect(SubscriberFileName.make(long) != long, "a short id spelled like the shortened name is encoded differently")
    }
}
