// Placeholder entry point; replaced by the command-line interface.
print("newsdesk")
