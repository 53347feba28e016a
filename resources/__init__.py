"""Data files shipped with the app: fonts, icons, example workshops and the user guide."""
