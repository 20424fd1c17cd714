/** The part of unzipper (exceljs's own zip reader) that imports use; it ships no types. */
declare module 'unzipper' {
  export const Open: {
    file(path: string): Promise<{ files: { path: string; uncompressedSize: number; stream(): NodeJS.ReadableStream & { destroy(): void } }[] }>;
  };
}
