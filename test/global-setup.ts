/** Nothing global yet beyond a sanity check that tests run on a supported Node. */
export default function setup(): void {
  const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
  if (major < 20 || (major === 20 && minor < 19)) throw new Error(`VidKeep needs Node >= 20.19 (this is ${process.versions.node}).`);
}
