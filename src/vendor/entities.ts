// HTML entity decoding, as the rest of samizdat imports it (see README.md in this folder).
export { decodeHTML, decodeHTMLAttribute, decodeHTMLStrict } from 'entities';
