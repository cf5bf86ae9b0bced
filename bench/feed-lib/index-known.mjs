// Feeds whose item count differs from INDEX.json on purpose, with the reason.
export const KNOWN_COUNT_DIFFERENCES = {};
