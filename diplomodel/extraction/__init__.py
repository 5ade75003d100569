"""The steps that turn tagged entities into an extractive meeting brief (see :mod:`.build`)."""
