"""Incident Atlas: news articles about security incidents, turned into places and incidents on a map."""
