/// What a call does to the random generators: draws from one without a seed of its own
/// (`train_test_split(X, y)`), seeds one (`np.random.seed(0)`), or neither.
///
/// Calls are matched by their qualified name (imports resolved: `tts` imported as
/// `from sklearn.model_selection import train_test_split as tts` is
/// `sklearn.model_selection.train_test_split`) and their keyword arguments.
enum RandomSource: Sendable, Equatable {
    case draws(RandomnessFamily, reason: String)
    case seeds([RandomnessFamily])
    case none

    /// scikit-learn estimators and helpers whose results change between runs unless
    /// `random_state` is given.
    static let sklearnRandomByDefault: Set<String> = [
        "train_test_split", "ShuffleSplit", "StratifiedShuffleSplit", "GroupShuffleSplit", "RepeatedKFold",
        "RepeatedStratifiedKFold", "RandomizedSearchCV", "HalvingRandomSearchCV", "ParameterSampler",
        "RandomForestClassifier", "RandomForestRegressor", "ExtraTreesClassifier", "ExtraTreesRegressor",
        "GradientBoostingClassifier", "GradientBoostingRegressor", "HistGradientBoostingClassifier",
        "HistGradientBoostingRegressor", "DecisionTreeClassifier", "DecisionTreeRegressor", "ExtraTreeClassifier",
        "ExtraTreeRegressor", "BaggingClassifier", "BaggingRegressor", "AdaBoostClassifier", "AdaBoostRegressor",
        "IsolationForest", "RandomTreesEmbedding", "KMeans", "MiniBatchKMeans", "BisectingKMeans", "SpectralClustering",
        "GaussianMixture", "BayesianGaussianMixture", "TSNE", "MLPClassifier", "MLPRegressor", "SGDClassifier",
        "SGDRegressor", "SGDOneClassSVM", "Perceptron", "PassiveAggressiveClassifier", "PassiveAggressiveRegressor",
        "TruncatedSVD", "SparseRandomProjection", "GaussianRandomProjection", "LinearSVC", "LinearSVR",
        "make_classification", "make_regression", "make_blobs", "make_moons", "make_circles", "make_friedman1",
        "shuffle", "resample", "permutation_importance", "SMOTE", "RandomOverSampler", "RandomUnderSampler",
    ]

    /// scikit-learn splitters that are random only when asked to shuffle.
    static let sklearnRandomWhenShuffled: Set<String> = ["KFold", "StratifiedKFold", "StratifiedGroupKFold"]

    /// `numpy.random` functions that draw from the global generator.
    static let numpyDraws: Set<String> = [
        "rand", "randn", "randint", "random", "random_sample", "ranf", "sample", "choice", "shuffle", "permutation",
        "normal", "uniform", "binomial", "poisson", "beta", "exponential", "gamma", "multivariate_normal",
        "standard_normal", "lognormal", "laplace", "logistic", "multinomial", "dirichlet", "geometric",
    ]

    /// `random` module functions that draw from Python's generator.
    static let pythonDraws: Set<String> = ["random", "randint", "randrange", "choice", "choices", "shuffle", "sample", "uniform", "gauss", "normalvariate"]

    /// `torch` functions that draw.
    static let torchDraws: Set<String> = ["rand", "randn", "randint", "randperm", "normal", "bernoulli", "multinomial", "rand_like", "randn_like"]

    /// `torch.nn` classes without weights or randomness (everything else in `torch.nn` starting
    /// with a capital either has randomly initialised weights or drops out at random).
    static let torchQuietModules: Set<String> = [
        "Sequential", "ModuleList", "ModuleDict", "ReLU", "LeakyReLU", "Sigmoid", "Tanh", "Softmax", "LogSoftmax", "GELU",
        "Flatten", "Unflatten", "Identity", "MaxPool1d", "MaxPool2d", "MaxPool3d", "AvgPool1d", "AvgPool2d",
        "AdaptiveAvgPool2d", "MSELoss", "L1Loss", "CrossEntropyLoss", "BCELoss", "BCEWithLogitsLoss", "NLLLoss",
        "HuberLoss", "SmoothL1Loss", "Module",
    ]

    /// Classifies a call.
    /// - Parameters:
    ///   - qualifiedName: The callee with imports resolved (`numpy.random.seed`).
    ///   - keywords: The names of its keyword arguments, with whether each is the literal `None`
    ///     or `False`.
    static func classify(_ qualifiedName: String, keywords: [String: KeywordValue]) -> RandomSource {
        let parts = qualifiedName.split(separator: ".").map(String.init)
        guard let root = parts.first, let last = parts.last else { return .none }
        let seeded = keywords["random_state"].map { $0 != .none } ?? false
        switch root {
        case "sklearn", "imblearn":
            if sklearnRandomByDefault.contains(last), !seeded {
                if last == "train_test_split", keywords["shuffle"] == .false { return .none }
                return .draws(.numpy, reason: "\(last) without random_state")
            }
            if sklearnRandomWhenShuffled.contains(last), keywords["shuffle"] == .true, !seeded {
                return .draws(.numpy, reason: "\(last)(shuffle=True) without random_state")
            }
            if last == "LogisticRegression", let solver = keywords["solver"], case .text(let name) = solver,
               ["sag", "saga", "liblinear"].contains(name), !seeded {
                return .draws(.numpy, reason: "LogisticRegression(solver='\(name)') without random_state")
            }
            if ["SVC", "NuSVC"].contains(last), keywords["probability"] == .true, !seeded {
                return .draws(.numpy, reason: "\(last)(probability=True) without random_state")
            }
            return .none
        case "numpy":
            guard parts.count >= 3, parts[1] == "random" else { return .none }
            if last == "seed" { return .seeds([.numpy]) }
            if numpyDraws.contains(last) { return .draws(.numpy, reason: "np.random.\(last) without np.random.seed") }
            if ["default_rng", "RandomState", "Generator"].contains(last), keywords.isEmpty, parts.count == 3 {
                return .draws(.numpy, reason: "np.random.\(last)() without a seed")
            }
            return .none
        case "random":
            if parts.count == 2, last == "seed" { return .seeds([.python]) }
            if parts.count == 2, pythonDraws.contains(last) { return .draws(.python, reason: "random.\(last) without random.seed") }
            return .none
        case "torch":
            if last == "manual_seed" || qualifiedName == "torch.random.seed" { return .seeds([.torch]) }
            if parts.count == 2, torchDraws.contains(last) { return .draws(.torch, reason: "torch.\(last) without torch.manual_seed") }
            if parts.count >= 3, parts[1] == "nn", last.first?.isUppercase == true, !torchQuietModules.contains(last) {
                return .draws(.torch, reason: "torch.nn.\(last) (random initial weights or dropout) without torch.manual_seed")
            }
            if last == "DataLoader", keywords["shuffle"] == .true, keywords["generator"] == nil {
                return .draws(.torch, reason: "DataLoader(shuffle=True) without torch.manual_seed")
            }
            return .none
        case "tensorflow", "keras", "tf_keras":
            if last == "set_random_seed" { return .seeds([.tensorflow, .numpy, .python]) }
            if last == "one_hot" && parts.contains("text") || last == "hashing_trick" {
                return .draws(.hashing, reason: "\(last) (Python's per-process string hash)")
            }
            if last == "set_seed", parts.contains("random") { return .seeds([.tensorflow]) }
            if parts.contains("layers") || last == "Sequential", last.first?.isUppercase == true {
                return .draws(.tensorflow, reason: "Keras \(last) (random initial weights or dropout) without a TensorFlow seed")
            }
            return .none
        case "builtins":
            return last == "hash" ? .draws(.hashing, reason: "hash() of a string (randomised per process)") : .none
        case "time":
            return ["time", "perf_counter", "monotonic", "process_time", "ctime", "localtime", "time_ns"].contains(last)
                ? .draws(.clock, reason: "the clock") : .none
        case "datetime":
            return ["now", "today", "utcnow"].contains(last) ? .draws(.clock, reason: "the clock") : .none
        default:
            return .none
        }
    }

    /// `.sample(…)` on a data frame or series: random unless `random_state` is given.
    static func classifyMethod(_ method: String, keywords: [String: KeywordValue]) -> RandomSource {
        if method == "sample", keywords["random_state"] == nil || keywords["random_state"] == KeywordValue.none {
            return .draws(.numpy, reason: ".sample() without random_state")
        }
        return .none
    }
}

/// What a keyword argument is, as far as randomness cares.
enum KeywordValue: Sendable, Equatable {
    case none
    case `true`
    case `false`
    case text(String)
    case other
}
