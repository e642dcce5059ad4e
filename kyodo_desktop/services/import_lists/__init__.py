"""Reading the office's own Excel (.xlsx) and CSV lists of organizations for import (issue 4).

:func:`read_table` turns a file into a :class:`SourceTable` (header row, rows as text with the
row numbers the officer sees in Excel); :func:`convert_table` runs each row through a column
mapping (:mod:`kyodo_desktop.domain.column_mapping`) into import rows; :func:`read_list` does
both. Mapping templates are kept in the data folder's ``settings.json``. The whole import —
format, read, mapping, conversion, plan — is put together in
:mod:`kyodo_desktop.services.import_pipeline`.

One module per concern: ``limits`` (the bounds and the errors they raise), ``xlsx`` (the zip
checks, defusedxml, openpyxl), ``csv_list`` (encoding, streaming), ``table`` (the header row and
unusable cells), ``convert`` and ``templates``. Hostile or broken files end in
:class:`~kyodo_desktop.domain.importing.ImportFileError` with a Japanese message, before much
work is done; more than :data:`MAX_ROWS` rows, wider rows than Excel allows or more than
:data:`MAX_CELLS` cells stop the read; a cell too long or holding control characters becomes a
problem of its row.
"""

from __future__ import annotations

from kyodo_desktop.services.import_lists.convert import convert_table, list_sheets, read_list, read_table
from kyodo_desktop.services.import_lists.limits import (
    MAX_CELL_CHARS,
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_COMPRESSION_RATIO,
    MAX_ROWS,
    MAX_UNCOMPRESSED_BYTES,
    PROGRESS_EVERY,
    ImportCancelled,
    Progress,
)
from kyodo_desktop.services.import_lists.table import SourceTable
from kyodo_desktop.services.import_lists.templates import (
    TEMPLATES_KEY,
    apply_template,
    delete_mapping_template,
    load_mapping_template,
    save_mapping_template,
    template_names,
)

__all__ = [
    "MAX_CELLS",
    "MAX_CELL_CHARS",
    "MAX_COLUMNS",
    "MAX_COMPRESSION_RATIO",
    "MAX_ROWS",
    "MAX_UNCOMPRESSED_BYTES",
    "PROGRESS_EVERY",
    "TEMPLATES_KEY",
    "ImportCancelled",
    "Progress",
    "SourceTable",
    "apply_template",
    "convert_table",
    "delete_mapping_template",
    "list_sheets",
    "load_mapping_template",
    "read_list",
    "read_table",
    "save_mapping_template",
    "template_names",
]
