/// Words in a heading or a pipeline step name that say which stage follows.
///
/// Matching is on word prefixes (`evaluat` matches "evaluate", "evaluation"), and the
/// stages are tried most specific first, so "Exploratory data analysis" is exploration and
/// "Model evaluation" is evaluation, not model.
enum StageKeywords {
    private static let table: [(Stage, [String])] = [
        (.explore, ["explor", "eda", "visuali", "plot", "inspect", "look", "glance", "overview", "understand", "distribution", "insight"]),
        (.evaluate, ["evaluat", "metric", "score", "scoring", "validat", "accuracy", "performance", "assess", "report", "cross", "benchmark", "compar", "result", "error", "residual", "diagnos"]),
        (.train, ["train", "fit", "fitting", "learn", "optimi", "tuning", "tune", "search", "epoch"]),
        (.inference, ["predict", "inference", "infer", "serv", "deploy", "scoring", "forecast", "new"]),
        (.model, ["model", "estimator", "classifier", "regressor", "network", "architecture", "pipeline", "define", "build"]),
        (.data, ["data", "dataset", "load", "read", "import", "download", "fetch", "clean", "prepar", "preprocess", "feature", "split", "encod", "transform", "scal", "wrangl", "ingest", "sample"]),
        (.setup, ["setup", "set", "config", "constant", "librar", "package", "requirement", "install", "dependenc", "environment"]),
    ]

    /// The stage a text points to, with the word that decided it.
    /// - Parameter text: A heading or a step name (`load_data`, `Train the model`).
    /// - Returns: The stage and the matching word, or `nil` when no word is telling.
    static func stage(for text: String) -> (stage: Stage, word: String)? {
        let words = text.lowercased()
            .split(whereSeparator: { !$0.isLetter })
            .map(String.init)
        // "Import libraries" is setup, "Import the data" is data: a heading about imports
        // that also names libraries or packages is setup.
        if words.contains(where: { $0.hasPrefix("import") }),
           words.contains(where: { $0.hasPrefix("librar") || $0.hasPrefix("package") || $0.hasPrefix("module") }) {
            return (.setup, "import")
        }
        if words.contains(where: { $0.hasPrefix("split") }) {
            return (.data, "split")
        }
        for (stage, stems) in table {
            for word in words {
                if stems.contains(where: { matches(word, stem: $0) }) {
                    return (stage, word)
                }
            }
        }
        return nil
    }

    private static func matches(_ word: String, stem: String) -> Bool {
        // Short stems match whole words only ("eda" must not match "edamame"); longer stems
        // match as prefixes ("evaluat" matches "evaluation").
        if stem.count <= 3 {
            return word == stem || word == stem + "s"
        }
        return word.hasPrefix(stem)
    }
}
