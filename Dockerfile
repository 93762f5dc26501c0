# One image for every process of the system: the API, the orchestrator and each domain worker are
# the same code started with a different command (see docker-compose.yml).
FROM node:20-bookworm-slim
WORKDIR /app
# No phoning home: CHECKPOINT_DISABLE stops Prisma's CLI (the migrate service) checking for updates,
# SCARF_ANALYTICS the install-time analytics of a dependency of swagger-ui-dist (npm 10, in this
# image, runs install scripts that package.json's allowScripts denies to npm 11).
ENV NODE_ENV=production LOG_FORMAT=json CHECKPOINT_DISABLE=1 SCARF_ANALYTICS=false
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts ./
RUN npm ci
COPY . .
# DATA_DIR (/app/.data) is where the notification service's mailbox sender writes its messages;
# the processes run as `node`, which must own it.
RUN mkdir -p .data && chown node:node .data
USER node
CMD ["npx", "tsx", "workers/main.ts"]
