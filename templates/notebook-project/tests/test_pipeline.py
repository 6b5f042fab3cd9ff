"""End to end: {{#has_train_main}}train runs{{#has_model}} and saves the model, which inference loads and predicts with{{/has_model}}{{/has_train_main}}{{^has_train_main}}the notebook has no training code, so only the modules are imported{{#has_inference_main}} and inference runs{{/has_inference_main}}{{/has_train_main}}."""
import importlib


def test_pipeline_modules_import():
    for name in ["data", "model", "train", "inference", "serve"]:
        importlib.import_module("{{package}}." + name)
{{#has_train_main}}


def test_train_saves_its_artifacts(trained):
{{#artifacts}}
    assert (trained / "{{file}}").is_file()
{{/artifacts}}
{{^artifacts}}
    assert trained.is_dir()
{{/artifacts}}
{{/has_train_main}}
{{#has_model}}
{{#model_input}}


def test_saved_model_predicts_one_value_per_row(trained, sample_input):
    from {{package}}.inference import (
        load_model,
        predict,
    )

    model = load_model(trained / "{{model_file}}")
    predictions = predict(model, sample_input)
    assert row_count(predictions) == row_count(sample_input)


def row_count(value):
    """Rows of an array, a table, a sparse matrix or a tensor (`len()` is ambiguous on some)."""
    shape = getattr(value, "shape", None)
    return shape[0] if shape else len(value)
{{/model_input}}
{{/has_model}}
{{#has_inference_main}}


def test_inference_main_runs({{#has_train_main}}trained{{/has_train_main}}):
    from {{package}}.inference import (
        main,
    )

    main()
{{/has_inference_main}}
