# syntax=docker/dockerfile:1
# The app as one container: `docker build -t loyalty-widget .`, then run it with the production environment
# (README, "Deploy"). Three stages: dependencies, the build, and a runtime that holds only Next's standalone
# server and the files it serves.

FROM node:20-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# `npm install` honours the lock file and fetches the native binaries (Next's SWC, Tailwind's oxide) of the
# image's platform, which a lock file written on another platform may not list; `npm ci` would refuse it.
RUN npm install --no-audit --no-fund

FROM node:20-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npm run build

FROM node:20-slim AS runtime
WORKDIR /app
# HOSTNAME: the standalone server binds to it, and Docker sets it to the container's id.
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOSTNAME=0.0.0.0 \
    PORT=3000
# The standalone server, then what it does not carry: the built client assets and `public/` (embed.js).
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
COPY --from=build --chown=node:node /app/public ./public
USER node
EXPOSE 3000
# Readiness, not liveness: an instance whose Redis or Wix layer is down reports unhealthy. Slim images have
# no curl, so Node's own fetch asks.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM reaches Node directly (no shell in between): open event streams are told to reconnect elsewhere,
# in-flight requests finish, and the process exits within 10 s (`docker stop`'s grace period).
CMD ["node", "server.js"]
