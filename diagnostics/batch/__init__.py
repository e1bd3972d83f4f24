"""Many cases at once, for a support desk: one runner the command line and the window share."""
