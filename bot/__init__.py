"""briefbot: the chat side. core answers commands, render shapes replies, delivery sends them exactly once, frontends speak each platform, app assembles it all."""
