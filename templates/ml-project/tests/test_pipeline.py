"""Placeholder tests for the pipeline: train, save and load with a stand-in model."""

from {{package}} import inference, train


class MeanModel:
    """A stand-in model: predicts the mean of the targets it was fitted on."""

    def fit(self, features, target):
        self.mean = sum(target) / len(target)
        return self

    def predict(self, features):
        return [self.mean for _ in features]


def test_train_fits_the_built_model(monkeypatch):
    monkeypatch.setattr(train, "build_model", MeanModel)
    model = train.train([[1], [2], [3]], [1.0, 2.0, 3.0])
    assert model.predict([[0]]) == [2.0]


def test_saved_model_loads_and_predicts(tmp_path):
    path = train.save_model(MeanModel().fit([[1]], [4.0]), tmp_path / "model.pkl")
    assert inference.predict(inference.load_model(path), [[1], [2]]) == [4.0, 4.0]
