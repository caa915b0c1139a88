/**
 * The seed's Firehose buffer: events show up within about a minute. Its own module so that the wording
 * catalogue and the judgements both read it without importing each other.
 */
export const SEED_INTERVAL_SECONDS = 60;
export const SEED_SIZE_MB = 1;
