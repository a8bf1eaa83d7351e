"""Help > About Desktop CRM: version, licences and where the user's files are."""
