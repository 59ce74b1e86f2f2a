// Reputation module.
