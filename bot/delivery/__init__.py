"""How a message is delivered: the outbox, the sender protocol, the local sink, alerts and digest scheduling. Knows no front end or chat library: senders come in through a protocol."""
