"""What holds weights: the tagger, its label set and word casing, and offline weight resolution."""
