// The DOM node classes htmlparser2's documents are made of, as the rest of samizdat imports them (see README.md in this folder).
export { Document, Element, Text, isTag, isText, type AnyNode, type ChildNode, type ParentNode } from 'domhandler';
