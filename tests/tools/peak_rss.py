"""peak_rss.py - runs a command and says how much memory and processor
time it took.

    python3 peak_rss.py OUT ERR TIMEOUT CMD [ARG...]

Runs CMD with standard output to OUT, standard error to ERR and no
standard input, and prints one line: its exit status (124 when it ran past
TIMEOUT seconds and was killed), its peak resident memory in KiB (the
kernel's ru_maxrss of the child) and the processor seconds it used (user
and system: unlike the time it took, not longer on a busy machine).
"""
import resource
import subprocess
import sys


def main(argv):
    if len(argv) < 5:
        sys.exit("usage: peak_rss.py OUT ERR TIMEOUT CMD [ARG...]")
    out, err, timeout, cmd = argv[1], argv[2], float(argv[3]), argv[4:]
    with open(out, "wb") as o, open(err, "wb") as e:
        p = subprocess.Popen(cmd, stdout=o, stderr=e, stdin=subprocess.DEVNULL)
        try:
            status = p.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
            status = 124
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print("%d %d %.2f" % (status, usage.ru_maxrss, usage.ru_utime + usage.ru_stime))


if __name__ == "__main__":
    main(sys.argv)
