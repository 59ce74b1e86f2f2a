// Newsletter module.
