import { execFile } from 'node:child_process';
import path from 'node:path';

export interface OpenApiValidation {
  valid: boolean;
  errors?: unknown;
  version: string;
}

/** Runs the OpenAPI validator on a document (see validate-openapi.mjs). */
export function validateOpenApi(document: unknown): Promise<OpenApiValidation> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [path.join(__dirname, 'validate-openapi.mjs')], (error, stdout) => {
      if (error) reject(new Error(`the OpenAPI validator failed: ${error.message}`));
      else resolve(JSON.parse(stdout) as OpenApiValidation);
    });
    child.stdin?.end(JSON.stringify(document));
  });
}
