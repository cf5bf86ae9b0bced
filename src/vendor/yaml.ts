// The YAML parser, as the rest of samizdat imports it (see README.md in this folder).
export { parse, parseDocument, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';
