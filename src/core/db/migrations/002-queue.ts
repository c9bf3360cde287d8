// Owned by the queue engine (src/core/queue). Placeholder until the engine lands.
export default /* sql */ `SELECT 1;`;
