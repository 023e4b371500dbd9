import pino from 'pino';

/**
 * The app's one logger. Product code logs through it (or a child of it), never through `console`, so every
 * line is structured and can carry the request id. Configuration (level, format, redaction) lives here.
 */
export const logger = pino({ level: 'info' });
