"""Names: gazetteer of China's administrative divisions (GB/T 2260), exonyms, glossary, English forms."""
