"""limits_common.py - what the suites on input limits (test_limits_yaml.py,
test_limits_text.py) share: a server on a fresh store with one chair
signed in, and its stop, whose problems fail the suite."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serverlib import Server  # noqa: E402


class ChairServer:
    def __init__(self, suite):
        self.suite = suite
        self.srv = Server()
        self.chair = None        # the signed-in chair's client

    def start(self, *files):
        """Imports FILES (chaired by the chair), starts the server and
        signs the chair in; returns the editions' ids."""
        self.srv.add_user("chair", "chair", "confidential")
        editions = [self.srv.import_file(path) for path in files]
        self.srv.start()
        self.chair = self.srv.client("chair")
        return editions

    def stop(self):
        for problem in self.srv.stop():
            self.suite.fail(problem)
        self.srv.cleanup()
