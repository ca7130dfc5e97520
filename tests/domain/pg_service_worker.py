"""A second process for the service-level server test: comment on one order N times.

    python pg_service_worker.py URL ORDER_ID NAME COUNT retry|report

Goes through the real ControlService (compose), as a CLI or a desk would; prints one JSON line:
the comments it was told were saved and the conflicts it was told about.
"""
from __future__ import annotations

import json
import sys

from tracker.errors import ConflictError
from tracker.root import compose


def main(url: str, order_id: str, name: str, count: int, mode: str) -> None:
    app = compose(url, user=name)
    saved: list[str] = []
    conflicts = 0
    for n in range(count):
        text = f"{name}-{n}"
        while True:
            try:
                app.control.comment(order_id, text)
            except ConflictError:
                conflicts += 1
                if mode == "retry":
                    continue
                break
            saved.append(text)
            break
    app.store.close()
    print(json.dumps({"saved": saved, "conflicts": conflicts}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5])
