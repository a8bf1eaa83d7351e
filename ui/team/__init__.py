"""Team mode in the app: Settings → Team, joining a team workspace, background sync."""
