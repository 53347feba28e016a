"""The drag-and-drop payload that carries a card kind from the palette onto the canvas.

The canvas accepts the drop and the palette starts the drag; both speak this one format,
which lives here, below the palette, so that the canvas never imports a dock.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData

from alignment_workshop.model import NodeKind

#: The drag-and-drop type of a palette button: the kind's value as UTF-8.
KIND_MIME_TYPE = "application/x-alignment-workshop-kind"


def kind_mime(kind: NodeKind) -> QMimeData:
    """Drag data that carries `kind`."""
    data = QMimeData()
    data.setData(KIND_MIME_TYPE, kind.value.encode("utf-8"))
    return data


def kind_from_mime(data: QMimeData) -> NodeKind | None:
    """The kind a palette drag carries, or None for any other drag."""
    if not data.hasFormat(KIND_MIME_TYPE):
        return None
    try:
        return NodeKind(bytes(data.data(KIND_MIME_TYPE).data()).decode("utf-8"))
    except ValueError:
        return None
