// SEO module.
