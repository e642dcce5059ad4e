"""The 「重複の候補」 view and the merge dialog (registry records that look like one group)."""
