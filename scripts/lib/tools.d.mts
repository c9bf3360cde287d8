export function which(cmd: string): string | null;
export function findChromium(): string | null;
export function ensureTestTools(): boolean;
export function electronBinary(root: string): string | null;
