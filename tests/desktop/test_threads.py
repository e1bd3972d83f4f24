"""Signals carrying Python objects from many threads at once: what the batch does, in its simplest form.

PySide6 6.12.0 aborts the interpreter here ("deallocating None"); pyproject.toml keeps it out.
"""

from __future__ import annotations

import subprocess
import sys

PROGRAM = """
import threading
from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

app = QCoreApplication([])

class Signals(QObject):
    finished = Signal(object)

class Receiver(QObject):
    count = 0

    @Slot(object)
    def on_finished(self, value):
        Receiver.count += 1

receiver = Receiver()
senders = [Signals() for _ in range(3000)]
for s in senders:
    s.finished.connect(receiver.on_finished)
for s in senders:
    threading.Thread(target=lambda s=s: s.finished.emit({"verdict": None, "ok": True})).start()
while Receiver.count < len(senders):
    app.processEvents()
print("delivered", Receiver.count)
"""


def test_many_threads_emitting_objects_do_not_crash_the_interpreter() -> None:
    run = subprocess.run([sys.executable, "-c", PROGRAM], capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0 and run.stdout.split() == ["delivered", "3000"], run.stderr[-500:]
