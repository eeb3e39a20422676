#!/usr/bin/env node
// The command line of CRM Pulse, compiled from src/cli by `npm run build:cli` (run on install).
import { run } from '../dist/cli/main.js';

process.exitCode = await run(process.argv.slice(2));
