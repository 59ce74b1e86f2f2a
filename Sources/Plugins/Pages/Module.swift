// Pages module.
