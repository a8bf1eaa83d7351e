"""The screens the sidebar switches between."""
