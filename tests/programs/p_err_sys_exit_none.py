import sys
print("exit with None -> status 0, but stderr empty")
sys.exit()
