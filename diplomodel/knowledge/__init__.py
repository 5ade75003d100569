"""Facts with one home each: country names and demonyms, places, names and forms of address."""
