"""For the lecture hall: the guided tour and its script, presenter mode, appearance (text
scale, light/dark)."""
