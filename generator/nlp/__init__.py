"""Language tools: language id, sentences, lemmas, keywords, summaries, entities."""
