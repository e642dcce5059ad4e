"""Kyodo Desktop (協働デスク): the collaboration officer's record of citizen groups and NPOs."""

__version__ = "0.1.0"
APP_NAME = "KyodoDesktop"
