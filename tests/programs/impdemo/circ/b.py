from . import a
B_VALUE = "b sees " + a.A_EARLY + ", late set: " + str(hasattr(a, "A_LATE"))
