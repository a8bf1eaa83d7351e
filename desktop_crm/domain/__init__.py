"""Pure domain rules: ids, errors, vocabularies, numbering and retention. No I/O."""
