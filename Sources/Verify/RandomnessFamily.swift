/// A random number generator a notebook's results can depend on, and that one seed call makes
/// repeatable.
public enum RandomnessFamily: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    /// NumPy's global generator, which scikit-learn and pandas use when no `random_state` is
    /// given: `np.random.seed(…)` seeds it.
    case numpy
    /// Python's `random`: `random.seed(…)`.
    case python
    /// PyTorch's generator (weights, dropout, shuffling loaders): `torch.manual_seed(…)`.
    case torch
    /// TensorFlow / Keras (weights, dropout, `fit`'s shuffling): `tf.random.set_seed(…)` or
    /// `keras.utils.set_random_seed(…)`.
    case tensorflow
    /// Python's string hashing (`hash(…)`, Keras' `one_hot` and `hashing_trick`), randomised
    /// per process unless `PYTHONHASHSEED` is set.
    case hashing
    /// The clock (`time.time()`, `datetime.now()`): never repeatable, no seed helps.
    case clock
}
