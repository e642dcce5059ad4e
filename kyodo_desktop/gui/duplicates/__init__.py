"""The 「重複の候補」 view and the merge dialog (registry records that look like one group).

``view.DuplicatesView`` lists the candidate pairs (``model``) and opens ``merge_dialog.MergeDialog``,
whose comparison rules — which fields are rows, the default survivor, blanks filled from the other
record — are in ``merge_fields``.
"""
