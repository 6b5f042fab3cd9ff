/// Splits a shell command line into simple commands and words, the way a POSIX shell reads
/// quotes and the separators `;`, `&&`, `||`, `|`, `&` (enough to find `pip install` in
/// `!cd x && pip install -q "a>=1"`).
enum ShellWords {
    static func commands(_ line: String) -> [[String]] {
        var commands: [[String]] = []
        var words: [String] = []
        var word = ""
        var inWord = false
        var characters = Array(line)
        characters.append(" ")
        var index = 0
        func endWord() {
            if inWord { words.append(word) }
            word = ""
            inWord = false
        }
        func endCommand() {
            endWord()
            if !words.isEmpty { commands.append(words) }
            words = []
        }
        while index < characters.count {
            let character = characters[index]
            switch character {
            case " ", "\t", "\n", "\r":
                endWord()
            case ";", "|", "&":
                endCommand()
                if index + 1 < characters.count, characters[index + 1] == character { index += 1 }
            case "#" where !inWord:
                endCommand()
                return commands
            case "'":
                inWord = true
                index += 1
                while index < characters.count, characters[index] != "'" {
                    word.append(characters[index])
                    index += 1
                }
            case "\"":
                inWord = true
                index += 1
                while index < characters.count, characters[index] != "\"" {
                    if characters[index] == "\\", index + 1 < characters.count, "\"\\$`".contains(characters[index + 1]) {
                        index += 1
                    }
                    word.append(characters[index])
                    index += 1
                }
            case "\\":
                inWord = true
                if index + 1 < characters.count {
                    index += 1
                    if characters[index] != "\n" { word.append(characters[index]) }
                }
            default:
                inWord = true
                word.append(character)
            }
            index += 1
        }
        endCommand()
        return commands
    }
}
