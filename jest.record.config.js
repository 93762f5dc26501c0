// `npm run histories:record`: runs each saga outcome on a fresh dev server and saves its history
// under test/replay/histories/, the fixtures the replay test checks every workflow change against.
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = { ...base, testMatch: ['**/test/replay/record-histories.ts'], maxWorkers: 1 };
