"""The home tab (``homeTab``, the window's first tab): the officer's day and the quick actions."""
