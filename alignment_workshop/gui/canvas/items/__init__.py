"""The graphics items of the map: one per card and one per link."""
