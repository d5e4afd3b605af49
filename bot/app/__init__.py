"""How the app is assembled: settings to services, `briefbot run`, status and the click CLI."""
