"""Fiscal proof for card payments under A.1155/2023: the provider signature and the ECR token."""
