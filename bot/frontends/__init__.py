"""How each platform is spoken: console, Slack (slack-bolt), Discord (discord.py). Front ends translate; they never decide."""
