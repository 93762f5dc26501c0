# One image for every process of the system: the API, the orchestrator and each domain worker are
# the same code started with a different command (see docker-compose.yml).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production LOG_FORMAT=json
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts ./
RUN npm ci
COPY . .
USER node
CMD ["npx", "tsx", "workers/main.ts"]
