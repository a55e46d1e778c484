class Curve:
    def sigmoid(self):
        return self

    def log(self):
        return self


def shape(curve):
    return curve.sigmoid().log()
