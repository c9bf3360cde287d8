import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readCommandLine } from './processes';

describe('readCommandLine', () => {
  it('reads a live process on this system and answers null for a gone or bogus pid', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)', 'vk-marker-arg'], { stdio: 'ignore' });
    try {
      await new Promise((r) => child.once('spawn', r));
      expect(readCommandLine(child.pid!)).toContain('vk-marker-arg');
    } finally {
      child.kill('SIGKILL');
    }
    await new Promise((r) => child.once('exit', r));
    expect(readCommandLine(child.pid!)).toBeNull();
    expect(readCommandLine(-1)).toBeNull();
    expect(readCommandLine(1.5)).toBeNull();
  });

  it('asks WMI on Windows and ps on macOS, passing the pid only as a number', () => {
    const calls: Array<[string, string[]]> = [];
    const run = (file: string, args: string[]) => (calls.push([file, args]), '  C:\\\\tools\\\\yt-dlp.exe -- https://x  \r\n');
    expect(readCommandLine(4242, 'win32', run)).toBe('C:\\\\tools\\\\yt-dlp.exe -- https://x');
    expect(calls[0]![0]).toBe('powershell.exe');
    expect(calls[0]![1].at(-1)).toBe('(Get-CimInstance Win32_Process -Filter "ProcessId=4242").CommandLine');
    expect(readCommandLine(77, 'darwin', run)).toContain('yt-dlp');
    expect(calls[1]).toEqual(['ps', ['-o', 'command=', '-p', '77']]);
    expect(readCommandLine(5, 'win32', () => '')).toBeNull();
    expect(readCommandLine(5, 'win32', () => { throw new Error('no powershell'); })).toBeNull();
  });
});
