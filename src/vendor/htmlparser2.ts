// The HTML/XML tokenizer and parser, as the rest of samizdat imports them (see README.md in this folder).
export { Parser, Tokenizer } from 'htmlparser2';
