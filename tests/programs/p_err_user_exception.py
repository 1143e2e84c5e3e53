class ValidationError(Exception):
    def __init__(self, field):
        super().__init__(f"invalid field: {field}")
        self.field = field
def validate(rec):
    for k, v in rec.items():
        if v is None:
            raise ValidationError(k)
validate({"a": 1})
validate({"a": 1, "b": None})
