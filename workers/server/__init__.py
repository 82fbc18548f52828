"""The engine server: commands from the GUI executed against one Session, by pillar."""
