class Greeter:
    def hello(self, name):
        return "hi " + name
print(Greeter().hello("a"))
print(Greeter.hello("a"))
