"""Pages, one module per journey. Views stay thin: they fetch through the visibility layer
and hand over to templates (docs/web.md)."""
