"""変更履歴: one organization's (a tab of its dialog) and the whole registry's (団体 → 変更履歴…)."""
