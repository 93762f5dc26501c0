// Validates an OpenAPI document read from stdin with @seriousme/openapi-schema-validator and
// prints the result as JSON. A separate process because the validator is an ES module with
// `import.meta`, which jest's CommonJS runtime cannot load.
import { Validator } from '@seriousme/openapi-schema-validator';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const validator = new Validator();
const result = await validator.validate(JSON.parse(Buffer.concat(chunks).toString('utf8')));
process.stdout.write(JSON.stringify({ valid: result.valid, errors: result.errors, version: validator.version }));
