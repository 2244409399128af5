/// Text made safe for an HTML page: every character that could open a tag, end an
/// attribute or start an entity is written as an entity, so that whatever the user
/// typed (a company named `<img src=x onerror=…>`) reads as the text it is.
enum HTMLText {
    static func escape(_ text: String) -> String {
        guard text.contains(where: { "&<>\"'".contains($0) }) else { return text }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 16)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
