// Sitemap module.
