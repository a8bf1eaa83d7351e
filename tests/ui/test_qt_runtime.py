"""Guards against Qt binding releases that break what the app relies on."""

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    flag = Signal(bool)
    payload = Signal(object)


def test_signal_arguments_survive_many_emits(qtbot):
    # PySide6 6.12.0 dropped a reference per emitted argument; True/None were freed and the
    # interpreter aborted after some thousands of emits (pinned below 6.12 for that).
    emitter = _Emitter()
    seen = []
    emitter.flag.connect(lambda b: seen.append(b))
    emitter.payload.connect(lambda o: seen.append(o))
    for _ in range(50_000):
        emitter.flag.emit(True)
        emitter.payload.emit(None)
    assert len(seen) == 100_000
