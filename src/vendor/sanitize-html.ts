// The HTML sanitizer, as the rest of samizdat imports it (see README.md in this folder).
export { default } from 'sanitize-html';
