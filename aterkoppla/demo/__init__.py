"""The demo: four recruitments with their teams and about forty applications, for trying
Återkoppla out (``aterkoppla demo``, ``aterkoppla serve --demo``).

A top layer: it builds everything through the other apps' services, and no app imports it.
"""
