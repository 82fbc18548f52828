"""Shared widgets: token strip, probability bars, loss plot, message banner."""
