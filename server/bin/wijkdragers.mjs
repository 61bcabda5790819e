#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader (Node 20 cannot strip types itself).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
