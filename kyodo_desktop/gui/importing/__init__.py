"""The import wizard (registry tab → インポート): file, column mapping, review, then one write."""
