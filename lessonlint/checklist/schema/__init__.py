"""Content-collection schemas: a tolerant zod reader and the collection a lesson belongs to."""
