// Kept apart from render.ts so the CLI can recognise it without loading Handlebars.

/** A template or partial that is missing, fails to compile or fails to render; the message names its file. */
export class TemplateError extends Error {}
