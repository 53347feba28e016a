"""The one error the model raises when an edit is refused."""

from __future__ import annotations


class ValidationError(ValueError):
    """An edit or a record broke a rule of the workshop; nothing was changed.

    `field` names where the problem is, relative to the record ("priority",
    "actions[2].text"); `reason` says what is wrong, as a sentence fragment.
    """

    def __init__(self, field: str, reason: str) -> None:
        self.field = field
        self.reason = reason
        super().__init__(f"{field}: {reason}" if field else reason)

    def within(self, prefix: str) -> ValidationError:
        """The same error, located inside `prefix` ("nodes[3]" + "title")."""
        where = f"{prefix}.{self.field}" if self.field else prefix
        if self.field.startswith("["):
            where = f"{prefix}{self.field}"
        return ValidationError(where, self.reason)
