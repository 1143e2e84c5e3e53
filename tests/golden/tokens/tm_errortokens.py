a = $b ? c ! d `e`
n = 0777 + 1_ + 1__0 + 0x + 1e + 0b2 + 1abc + 1.e
s = 'unterminated
t = "also \
continued
u = ² + x̀
v = a \ b
