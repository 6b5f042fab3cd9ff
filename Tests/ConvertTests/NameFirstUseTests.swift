import Testing
@testable import Convert

/// Which names the explore notebook's setup cell may import: those read before anything binds them.
@Suite struct NameFirstUseTests {
    @Test func aFunctionTheCellsDefineIsBoundFirst() {
        let uses = NameFirstUse(cells: ["def sigmoid(x):\n    return 1 / (1 + math.exp(-x))\nsigmoid(18)"])
        #expect(!uses.isReadFirst("sigmoid"))
        // Read in the body, which runs later: still needs an import.
        #expect(uses.isReadFirst("math"))
    }

    @Test func aNameImportedInsideAFunctionIsNotAGlobalRead() {
        let uses = NameFirstUse(cells: ["def sigmoid(x):\n    import math\n    return 1 / (1 + math.exp(-x))"])
        #expect(!uses.isReadFirst("math"))
    }

    @Test func defaultsAndDecoratorsAreReadBeforeTheDefinition() {
        let uses = NameFirstUse(cells: ["@register(kind)\ndef plot(data=X_train, *, size: Size = big) -> Axes:\n    return plot(data)"])
        for name in ["register", "kind", "X_train", "Size", "big", "Axes"] {
            #expect(uses.isReadFirst(name), "\(name)")
        }
        // A recursive call reads the function after its def bound it.
        #expect(!uses.isReadFirst("plot"))
    }

    @Test func orderFollowsCellsAndStatements() {
        let uses = NameFirstUse(cells: ["a, b = load()", "print(a)\nc = c + 1", "b\nimport os"])
        #expect(uses.isReadFirst("load"))
        #expect(!uses.isReadFirst("a"))
        #expect(!uses.isReadFirst("b"))
        #expect(uses.isReadFirst("c"))
        #expect(!uses.isReadFirst("os"))
        #expect(!uses.isReadFirst("never"))
    }

    @Test func ipythonSyntaxIsLoweredAndAnUnparsableCellReadsEveryName() {
        let lowered = NameFirstUse(cells: ["%matplotlib inline\ndef gradient_descent(x, y):\n    plt.plot(x, y)"])
        #expect(!lowered.isReadFirst("gradient_descent"))
        #expect(lowered.isReadFirst("plt"))
        let broken = NameFirstUse(cells: ["def f(:\n    g()"])
        #expect(broken.isReadFirst("f"))
        #expect(broken.isReadFirst("g"))
    }

    @Test func importLinesNameWhatTheyBind() {
        #expect(ExploreNotebook.boundName("import matplotlib.pyplot as plt") == "plt")
        #expect(ExploreNotebook.boundName("import os.path") == "os")
        #expect(ExploreNotebook.boundName("from pkg.model import sigmoid") == "sigmoid")
        #expect(ExploreNotebook.boundName("from m import x as y") == "y")
        #expect(ExploreNotebook.boundName("from math import *") == nil)
        #expect(ExploreNotebook.splitImport("from .config import A, B as C") == ["from .config import A", "from .config import B as C"])
        #expect(ExploreNotebook.lastPerName(["import numpy as np", "from math import *", "from p.m import np", "import numpy as np", "import os"])
            == ["from math import *", "import numpy as np", "import os"])
    }
}
