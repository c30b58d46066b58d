"""The Persian PDF inspection report: input model, renderer and the identity it carries in its
metadata. The Persian text engine it draws with is inspector_app.pdf."""
