"""Report writers: each renders a Report (or streams FileResults) to text."""
