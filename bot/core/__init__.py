"""What a command answers: parsing, dispatch, the neutral Reply, errors, the context and the commands. Knows no chat library, no delivery, no front end."""
