print("never printed: compile errors stop the program first")
count = 0

def bump():
    count = 1
    global count
    return count
