"""The PDF code shared by the laptop and the governorate server. Typesetting Persian for the
laptop's reports and the governorate's summaries: shaping and bidi (persian_text, uba), marks
placed by HarfBuzz (marks), lines drawn as glyphs with a plain-Unicode text layer (glyph_line,
text_layer), right-to-left lines and paragraphs in Vazirmatn (rtl_flowable), the shared A4 page (layout), right-to-left
tables (tables). Checking a signed report: the signature (verify), the id and hash in its
metadata (keywords), the signer's certificate (certificates). Imports domain only."""
