/// The refactoring stages: lowering IPython syntax, classifying cells into stages, and
/// (later) planning the project.
public enum Refactor {}
