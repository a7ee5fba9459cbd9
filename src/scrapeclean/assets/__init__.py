"""The review page's own script and style sheet, inlined into every page ``scrapeclean review`` writes."""
