"""Persian PDF typesetting shared by the laptop's reports and the governorate's summaries:
shaping and bidi (persian_text), right-to-left lines and paragraphs in Vazirmatn (rtl_flowable).
Imports domain only."""
