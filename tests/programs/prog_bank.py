class InsufficientFunds(Exception):
    pass
class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("dep", amount))
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(f"{self.owner} has only {self.balance}")
        self.balance -= amount
        self.history.append(("wd", amount))
    def __str__(self):
        return f"{self.owner}: {self.balance:.2f}"
acc = Account("ann", 100)
acc.deposit(50.5)
for amt in [30, 500, -1]:
    try:
        if amt < 0:
            acc.deposit(amt)
        else:
            acc.withdraw(amt)
    except InsufficientFunds as e:
        print("denied:", e)
    except ValueError as e:
        print("invalid:", e)
print(acc, acc.history)
