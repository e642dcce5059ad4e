"""The projects (事業) side of the window: the projects tab and the project wizard."""
