"""The main window and what hangs off it: menus, welcome screen, help, about and export dialogs."""
