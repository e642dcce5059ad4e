"""gui/organizations layer."""
