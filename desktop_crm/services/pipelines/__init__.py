"""Pipelines and their stages: the steps a deal moves through, and the lost reasons."""
