class BST:
    def __init__(self):
        self.root = None
    def insert(self, k):
        def ins(n, k):
            if n is None:
                return [k, None, None]
            if k < n[0]:
                n[1] = ins(n[1], k)
            elif k > n[0]:
                n[2] = ins(n[2], k)
            return n
        self.root = ins(self.root, k)
    def inorder(self):
        out = []
        def walk(n):
            if n:
                walk(n[1]); out.append(n[0]); walk(n[2])
        walk(self.root)
        return out
    def height(self, n="root"):
        n = self.root if n == "root" else n
        return 0 if n is None else 1 + max(self.height(n[1]), self.height(n[2]))
t = BST()
for k in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65]:
    t.insert(k)
print(t.inorder(), t.height())
