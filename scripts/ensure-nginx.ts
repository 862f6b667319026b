#!/usr/bin/env node
// Makes sure the browser tests have Debian's nginx with its brotli_static module: installs both
// with apt-get when run as root, otherwise stops and prints the command to run.
import { ensureNginx } from './nginx.ts';

ensureNginx();
