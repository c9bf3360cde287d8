// Owned by the library (src/core/library). Placeholder until the library lands.
export default /* sql */ `SELECT 1;`;
