import { benchServer } from './bench-database';
void benchServer().then((s) => { console.log('UP', s.url); process.on('SIGTERM', () => void s.stop().then(() => process.exit(0))); setInterval(() => undefined, 1e9); });
