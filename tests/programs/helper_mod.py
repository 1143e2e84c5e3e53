VALUE = 42
def greet(name):
    return "hello " + name
if __name__ == "__main__":
    print("helper run as main")
