"""The PDF code shared by the laptop and the governorate server. Typesetting Persian for the
laptop's reports and the governorate's summaries: shaping and bidi (persian_text, uba), marks
placed by HarfBuzz (marks), lines drawn as glyphs with a plain-Unicode text layer (glyph_line,
text_layer) or as outlines (outlines), right-to-left lines and paragraphs in Vazirmatn
(rtl_flowable), long words (long_words), missing characters (missing_glyphs), the shared A4
page (layout), right-to-left tables (tables). Checking a signed report: the signature (verify)
and its path to the governorate root (trust_chain), the id and hash in its metadata
(keywords), the signer's certificate (certificates). Imports domain only."""
