"""The routes, one module per concern: `health`, `analyses`, `corpus` (the API under
``/v1``) and `web` (the pages)."""
