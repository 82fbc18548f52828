"""Three Pillars engine: data, tokenizers, a tiny GPT and its training. Never imports Qt."""
