import Foundation

/// What the user probably meant by a word that names nothing: "did you mean …?"
/// (docs/commands.md §3.1).
public enum Suggestion {
    /// The name closest to `typed`, when it is plausibly what was meant: a few edits at most.
    public static func closest(to typed: String, among names: [String]) -> String? {
        let ranked = names.map { ($0, distance(typed.lowercased(), $0)) }.min { $0.1 < $1.1 }
        return ranked.flatMap { $0.1 <= max(2, typed.count / 3) ? $0.0 : nil }
    }

    /// The number of single-character insertions, deletions, substitutions and
    /// adjacent swaps that turn `a` into `b` (optimal string alignment).
    static func distance(_ typed: String, _ name: String) -> Int {
        let a = Array(typed)
        let b = Array(name)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
