import { randomUUID, timingSafeEqual } from 'node:crypto';
import express, { type Express, type RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import type { Client } from '@temporalio/client';
import { getAbsoluteFSPath } from 'swagger-ui-dist';
import { logger } from '../platform/logger';
import { docsPage } from './docs-page';
import { openApiDocument } from './openapi';
import { errorHandler, methodNotAllowed, notFound, ProblemError, problemTypes } from './problems';
import { healthRoutes } from './routes/health';
import { sagaRoutes } from './routes/sagas';
import { serviceRoutes } from './routes/services';

export interface ApiDependencies {
  temporal: Client;
  namespace: string;
  /** Base URL of the Temporal Web UI, for the links to each run. */
  temporalUiUrl: string;
  /** Resolves when the domain database answers; the API itself reads no domain table. */
  pingDatabase: () => Promise<void>;
  /** When non-empty, /v1 requests need one of these as a bearer token. */
  apiKeys?: string[];
  bodyLimit?: string;
}

const REQUEST_ID = /^[\w.-]{1,64}$/;

function bearerAuth(apiKeys: string[]): RequestHandler {
  const keys = apiKeys.map((key) => Buffer.from(key));
  return (req, _res, next) => {
    const presented = Buffer.from(/^Bearer (.+)$/.exec(req.get('Authorization') ?? '')?.[1] ?? '');
    const valid = keys.some((key) => key.length === presented.length && timingSafeEqual(key, presented));
    if (valid) return next();
    throw new ProblemError({
      type: problemTypes.unauthorized,
      title: 'Unauthorized',
      status: 401,
      detail: 'Send one of the API keys as `Authorization: Bearer <key>`',
    });
  };
}

const jsonOnly: RequestHandler = (req, _res, next) => {
  const hasBody = Number(req.get('Content-Length') ?? 0) > 0 || req.get('Transfer-Encoding') !== undefined;
  if (!hasBody || req.is('application/json')) return next();
  throw new ProblemError({
    type: problemTypes.unsupportedMediaType,
    title: 'Unsupported media type',
    status: 415,
    detail: `Send the body as application/json, not ${req.get('Content-Type') ?? 'an unnamed type'}`,
  });
};

export function createApp(dependencies: ApiDependencies): Express {
  const { temporal, namespace, temporalUiUrl, pingDatabase, apiKeys = [], bodyLimit = '100kb' } = dependencies;
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');

  app.use(
    pinoHttp({
      logger: logger('api'),
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      // Health probes every few seconds would drown the log.
      autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/ready' },
    }),
  );

  app.use(healthRoutes(temporal, pingDatabase));
  app
    .route('/openapi.json')
    .get((_req, res) => {
      res.json(openApiDocument());
    })
    .all(methodNotAllowed('GET'));
  app
    .route('/docs')
    .get((_req, res) => {
      res.type('html').send(docsPage);
    })
    .all(methodNotAllowed('GET'));
  app.use('/docs/assets', express.static(getAbsoluteFSPath(), { index: false }));

  if (apiKeys.length > 0) app.use('/v1', bearerAuth(apiKeys));
  app.use(jsonOnly, express.json({ limit: bodyLimit, strict: true }));
  app.use(sagaRoutes(temporal, { namespace, uiBaseUrl: temporalUiUrl }));
  app.use(serviceRoutes(temporal, namespace));

  app.use((req) => {
    throw notFound(`There is no ${req.path}`);
  });
  app.use(errorHandler);
  return app;
}
