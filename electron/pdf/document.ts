/**
 * The layout primitives moved to electron/documents/layout.ts, the one home of printed documents. This re-export
 * keeps `./document` imports in the PDF modules (and in branches written before the move) working.
 */
export * from '../documents/layout';
