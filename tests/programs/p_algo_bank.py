class InsufficientFunds(Exception):
    def __init__(self, need, have):
        super().__init__(f"need {need}, have {have}")
class Account:
    _next_id = 1
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.id = Account._next_id
        Account._next_id += 1
        self.log = []
    def deposit(self, amt):
        if amt <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amt
        self.log.append(("dep", amt))
    def withdraw(self, amt):
        if amt > self.balance:
            raise InsufficientFunds(amt, self.balance)
        self.balance -= amt
        self.log.append(("wd", amt))
    def __repr__(self):
        return f"Account#{self.id}({self.owner!r}, {self.balance})"
class Savings(Account):
    rate = 0.05
    def add_interest(self):
        self.deposit(round(self.balance * self.rate, 2))
a = Account("ann", 100)
s = Savings("sam", 1000)
for op, acct, amt in [("d", a, 50), ("w", a, 500), ("d", s, -1), ("w", s, 100)]:
    try:
        (acct.deposit if op == "d" else acct.withdraw)(amt)
    except (InsufficientFunds, ValueError) as e:
        print(type(e).__name__, e)
s.add_interest()
print(a, s, a.log, s.log)
