// A worker thread does not inherit the tsx loader of the thread that starts it (Node 20): register
// it here, then load the TypeScript entry the pool names.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
