# __future__ for cpjit: the feature names, so `from __future__ import ...` works.
all_feature_names = ["nested_scopes", "generators", "division", "absolute_import",
                     "with_statement", "print_function", "unicode_literals",
                     "barry_as_FLUFL", "generator_stop", "annotations"]
nested_scopes = generators = division = absolute_import = with_statement = None
print_function = unicode_literals = barry_as_FLUFL = generator_stop = annotations = None
