"""The 事業 tab: the projects list with its filters, the detail view and the stage dialog."""
