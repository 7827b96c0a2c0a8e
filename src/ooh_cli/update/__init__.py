"""`ooh data update`: fetch the newest official files, build an edition from them, switch to it."""
