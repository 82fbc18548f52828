"""The app's two worker processes (no Qt here): the engine server that owns the live model,
and the projection worker that runs UMAP."""
