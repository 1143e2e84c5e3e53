if 1:
	x = 1
	if 2:
		y = 1

z = 1
  
