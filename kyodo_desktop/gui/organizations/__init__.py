"""The 団体台帳 tab and the organization form, one room per concern.

The tab (``tab.OrganizationsTab``) composes:

- ``actions`` — its QActions (menu entries, buttons) and their shortcuts;
- ``row_loader`` — reading the rows off the UI thread (newest load wins, retry after the
  start-up check); ``table_model`` — the lazy table over ``persistence.rows.RowStore``;
- ``export_flow`` — 「Excelに書き出す」: file dialog, worker, progress, messages;
- ``open_forms`` — one form per record, new forms until first saved; ``trash`` — to the trash
  and back after a confirmation.

The form (``edit_dialog.OrganizationDialog``) composes ``form_panel`` (the fields),
``contacts_panel``, ``interactions_panel`` and ``notice_panel`` (read-only/trash notice, stale
edit, likely duplicates, errors); ``form_widgets`` holds the small pieces they share and
``detail_models`` the table models of contacts and interactions.

Errors are put into words by ``kyodo_desktop.gui.errors``; which records are listed and what the
search matches is ``kyodo_desktop.persistence.listing``.
"""
