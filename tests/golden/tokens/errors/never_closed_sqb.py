f(a,
  [b