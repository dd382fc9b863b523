"""The candidate page stores nothing of its own.

Its links are the messages' (``aterkoppla.messaging.models.PortalToken``).
"""
