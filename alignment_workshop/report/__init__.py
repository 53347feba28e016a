"""The PDF action plan that participants take home (reportlab, never Qt)."""
