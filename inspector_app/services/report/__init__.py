"""The Persian PDF inspection report: text engine (persian_text, rtl_flowable), input model,
renderer and the identity it carries in its metadata."""
