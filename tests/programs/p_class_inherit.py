class Animal:
    kind = "animal"
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} makes a sound"
    def describe(self):
        return f"{self.kind}: {self.speak()}"
class Dog(Animal):
    kind = "dog"
    def speak(self):
        return f"{self.name} barks"
class Puppy(Dog):
    def speak(self):
        return super().speak() + " softly"
for a in [Animal("x"), Dog("rex"), Puppy("bit")]:
    print(a.describe())
print(isinstance(Puppy("p"), Animal), issubclass(Dog, Puppy), Puppy.__bases__[0].__name__)
print(type(Dog("d")).__name__, Dog.kind, Animal.kind)
