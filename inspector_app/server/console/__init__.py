"""The governorate console: Persian, right-to-left pages served by the server itself, for
console users (admin, supervisor, viewer) signed in with a password; device tokens open none
of it. `mount.install_console` adds it to the app."""
