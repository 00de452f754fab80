#!/usr/bin/env node
// Runs the TypeScript sources directly, like the rest of the repository (no build step).
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
