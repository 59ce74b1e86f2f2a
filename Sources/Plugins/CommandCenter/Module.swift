// CommandCenter module.
