"""The evaluations tab (評価, issue 12): projects due, the entry form, the mutual view, history."""
