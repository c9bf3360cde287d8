export interface RedisDeps {
  which(cmd: string): string | null;
  canApt(): boolean;
  run(cmd: string, args: string[]): boolean;
  log(msg: string): void;
}
export function ensureRedisServer(deps?: Partial<RedisDeps>): { path: string } | { missing: string };
