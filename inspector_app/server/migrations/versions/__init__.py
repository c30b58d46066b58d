"""One module per schema revision, each frozen as it was released: a revision never imports the
live tables of server/database.py, which move on."""
