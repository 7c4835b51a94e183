"""The dashboard's own benchmark: python -m bench [--quick]."""
