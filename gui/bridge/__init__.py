"""The GUI's side of the process boundary: the controller (the only code that talks to the
engine worker) and the projection client."""
