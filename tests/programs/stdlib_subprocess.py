import subprocess, sys
r = subprocess.run(["echo", "hello", "world"], capture_output=True)
print(r.returncode, r.stdout)
print(subprocess.check_output(["sh", "-c", "echo out; echo err >&2; exit 0"], stderr=subprocess.STDOUT))
r = subprocess.run(["sh", "-c", "exit 3"])
print(r.returncode)
try:
    subprocess.check_call(["false"])
except subprocess.CalledProcessError as e:
    print("CPE", e.returncode, e)
try:
    subprocess.run(["definitely-not-a-command-xyz"])
except FileNotFoundError as e:
    print("FNF", e.errno, e.strerror, e.filename)
r = subprocess.run(["cat"], input=b"piped input\n", capture_output=True)
print(r.stdout, r.stderr)
r = subprocess.run([sys.executable, "-c", "import sys; print(sys.argv[1:])", "a", "b"], capture_output=True, text=True)
print(r.stdout.strip())
p = subprocess.Popen(["sh", "-c", "kill -9 $$"])
print(p.wait())
print(subprocess.getoutput("echo hi"))
import select, os
r, w = os.pipe()
print(select.select([r], [w], [], 0)[1] == [w], select.select([r], [], [], 0))
os.write(w, b"x")
print(select.select([r], [], [], 1.0) == ([r], [], []))
os.close(r); os.close(w)
