"""persistence layer."""

# The handover mappings share models.Base; importing them here puts their tables in the one
# metadata whichever of the two modules is imported first (migrations, the schema checks).
from kyodo_desktop.persistence import models_handover as _models_handover  # noqa: F401
