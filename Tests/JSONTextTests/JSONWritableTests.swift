import Foundation
import JSONText
import Testing

/// A card written by hand into a `JSONBuffer`: every kind of value, containers nested,
/// empty and not.
private struct WrittenCard: JSONWritable {
    let card: Card

    func write(to json: inout JSONBuffer) {
        json.beginObject()
        json.key("id")
        json.int(card.id)
        json.key("name")
        json.string(card.name)
        json.key("nickname")
        json.string(card.nickname)
        json.key("active")
        json.bool(card.active)
        json.key("tags")
        json.beginArray()
        for tag in card.tags { json.string(tag) }
        json.endArray()
        json.key("scores")
        json.beginArray()
        for score in card.scores {
            json.beginObject()
            json.key("value")
            json.int(score)
            json.key("empty")
            json.beginObject()
            json.endObject()
            json.endObject()
        }
        json.endArray()
        json.endObject()
    }
}

/// The same card through `Codable`, in the same key order.
private struct Card: Encodable {
    struct Score: Encodable {
        struct Empty: Encodable {}
        let value: Int64
        let empty = Empty()
    }

    let id: Int64
    let name: String
    let nickname: String?
    let active: Bool
    let tags: [String]
    let scores: [Int64]

    enum Keys: String, CodingKey { case id, name, nickname, active, tags, scores }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(nickname, forKey: .nickname)
        try container.encode(active, forKey: .active)
        try container.encode(tags, forKey: .tags)
        try container.encode(scores.map { Score(value: $0) }, forKey: .scores)
    }
}

@Suite("Values that write themselves")
struct JSONWritableTests {
    fileprivate static let cards = [
        Card(id: 0, name: "", nickname: nil, active: false, tags: [], scores: []),
        Card(
            id: -42, name: "Ada \"the\" \\ Lovelace\n\t\u{1}", nickname: "Å ☎︎ 𝄞", active: true, tags: ["a", ""],
            scores: [7]),
        Card(id: Int64.max, name: "x", nickname: "y", active: true, tags: ["one"], scores: [Int64.min, 0, 12]),
    ]

    @Test("the bytes are those of the same value through Codable, alone and nested in arrays", arguments: cards.indices)
    func sameBytesAsCodable(index: Int) throws {
        let card = Self.cards[index]
        #expect(try JSONWriter.data(WrittenCard(card: card)) == (try JSONWriter.data(card)))
        let written = Self.cards.map(WrittenCard.init)
        #expect(try JSONWriter.data([written, []]) == (try JSONWriter.data([Self.cards, []])))
        // Foundation reads the document back: it is JSON, whatever the layout.
        let object = try #require(
            try JSONSerialization.jsonObject(with: try JSONWriter.data(WrittenCard(card: card))) as? [String: Any])
        #expect(object["name"] as? String == card.name)
        #expect((object["id"] as? NSNumber)?.int64Value == card.id)
    }

    @Test("a large document written in pieces is the document written whole")
    func piecesMakeTheWhole() throws {
        let many = (0..<3_000).map {
            Card(id: Int64($0), name: "n\($0)", nickname: nil, active: $0 % 2 == 0, tags: ["t"], scores: [1])
        }
        var pieces = Data()
        try JSONWriter.write(many.map(WrittenCard.init)) { pieces.append(contentsOf: $0) }
        #expect(pieces == (try JSONWriter.data(many)))
        #expect(pieces.count > 1 << 17)
    }
}

@Suite("Strings written in place")
struct StringsInPlaceTests {
    private struct Written: JSONWritable {
        func write(to json: inout JSONBuffer) {
            json.beginObject()
            json.key("at")
            json.string { $0 += Array("2026-12-02T09:00:00-05:00".utf8) }
            json.key("empty")
            json.string { _ in }
            json.key("said")
            json.string { $0 += Array(Coded().said.utf8) }
            json.endObject()
        }
    }

    private struct Coded: Encodable {
        let at = "2026-12-02T09:00:00-05:00"
        let empty = ""
        let said = "\"Call me\" — Thu\\Fri\n\tat 9\u{1}"
    }

    @Test("are the same strings, escapes included, as through Codable")
    func sameAsCodable() throws {
        let written = try JSONWriter.data(Written())
        #expect(written == (try JSONWriter.data(Coded())))
        let object = try #require(try JSONSerialization.jsonObject(with: written) as? [String: String])
        #expect(object["said"] == Coded().said)
    }
}
