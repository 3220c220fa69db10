export declare const SIZES: number[];
export declare function drawIcon(size: number): Buffer;
export declare function encodePng(width: number, height: number, rgba: Buffer): Buffer;
export declare function iconPng(size: number): Buffer;
export declare function crc32(buf: Uint8Array): number;
