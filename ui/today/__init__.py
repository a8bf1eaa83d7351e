"""The Today screen: what needs attention today."""
