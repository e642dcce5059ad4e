"""The 引継ぎ tab: pending handovers, handover notes and their editor (issue 13)."""
