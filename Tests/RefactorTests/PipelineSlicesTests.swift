import PythonSyntax
import Testing
@testable import Refactor

/// The planner's slicing pass alone: the served model, its input and the metrics, and what
/// each depends on.
@Suite struct PipelineSlicesTests {
    static func slices(_ source: String) throws -> (PipelineSlices, DefUseGraph, [String]) {
        let (graph, texts, statements) = try DefUseGraphTests.parsed(source)
        return (PipelineSlices(graph: graph, statements: statements.map { ($0, true) }), graph, texts)
    }

    @Test func theServedModelIsTheLastFitLaterCodePredictsWith() throws {
        // codebasics' spam filter: a model on counts, then a pipeline on the raw text, which
        // the notebook predicts with last.
        let (slices, graph, texts) = try Self.slices("""
            X_train, X_test, y_train, y_test = train_test_split(df.Message, df.spam)
            v = CountVectorizer()
            X_train_count = v.fit_transform(X_train.values)
            model = MultinomialNB()
            model.fit(X_train_count, y_train)
            model.predict(v.transform(emails))
            clf = Pipeline([("vectorizer", CountVectorizer()), ("nb", MultinomialNB())])
            clf.fit(X_train, y_train)
            clf.predict(emails)
            """)
        let served = try #require(slices.servedModel)
        #expect(served.name == "clf")
        #expect(texts[served.statement] == "clf.fit(X_train, y_train)")
        let input = try #require(slices.modelInput)
        #expect(texts[graph.definitions[input].statement].hasPrefix("X_train, X_test"))
        // The pipeline needs neither the vectorizer fitted outside it nor the first model.
        #expect(slices.modelSlice.map { texts[$0] }.sorted() == [
            "X_train, X_test, y_train, y_test = train_test_split(df.Message, df.spam)",
            "clf = Pipeline([(\"vectorizer\", CountVectorizer()), (\"nb\", MultinomialNB())])",
            "clf.fit(X_train, y_train)",
        ])
    }

    @Test func aFitNothingLaterUsesIsNotServedOverOneThatIsSaved() throws {
        let (slices, _, texts) = try Self.slices("""
            model = LinearRegression()
            model.fit(X, y)
            joblib.dump(model, "m.joblib")
            probe = LinearRegression()
            probe.fit(X[:10], y[:10])
            """)
        #expect(slices.servedModel.map { texts[$0.statement] } == "model.fit(X, y)")
    }

    @Test func aRefitModelIsServedInTheVersionThatIsUsed() throws {
        // Predicting after the second fit uses the second version: that fit is served.
        let (slices, _, texts) = try Self.slices("""
            tree = DecisionTreeClassifier(max_depth=1)
            tree.fit(data, target)
            wrong = tree.predict(data)
            tree = DecisionTreeClassifier(max_depth=2)
            tree.fit(data, target)
            print(tree.score(data, target))
            """)
        #expect(slices.servedModel.map { texts[$0.statement] } == "tree.fit(data, target)")
        #expect(slices.servedModel?.statement == 4)
        #expect(slices.metrics == [5])
    }

    @Test func withoutAPredictionTheLastFitIsServed() throws {
        let (slices, _, texts) = try Self.slices("""
            import lightgbm as lgb
            params = {"num_leaves": 5}
            gbm = lgb.train(params, lgb_train)
            """)
        #expect(slices.servedModel?.name == "gbm")
        #expect(slices.modelSlice.map { texts[$0] }.sorted() == ["gbm = lgb.train(params, lgb_train)", "import lightgbm as lgb",
                                                                  "params = {\"num_leaves\": 5}"])
    }

    @Test func anInPlaceChangeOfTheInputIsInItsSlice() throws {
        let (slices, _, texts) = try Self.slices("""
            df = pd.read_csv("x.csv")
            df.dropna(inplace=True)
            df["ratio"] = df["a"] / df["b"]
            X = df[["ratio"]]
            unrelated = df.describe()
            model = LogisticRegression()
            model.fit(X, df["y"])
            acc = accuracy_score(df["y"], model.predict(X))
            """)
        #expect(slices.inputSlice.map { texts[$0] }.sorted() == [
            "X = df[[\"ratio\"]]", "df = pd.read_csv(\"x.csv\")", "df.dropna(inplace=True)", "df[\"ratio\"] = df[\"a\"] / df[\"b\"]",
        ])
        #expect(slices.metrics.map { texts[$0] } == ["acc = accuracy_score(df[\"y\"], model.predict(X))"])
        #expect(slices.metricSlice.contains(6))
        #expect(!slices.metricSlice.contains(4))
    }
}
