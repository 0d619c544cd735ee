# Newsdesk: build with the Swift toolchain and libevent headers, run on slim Debian with the libevent runtime.
ARG SWIFT_VERSION=6.3
FROM swift:${SWIFT_VERSION}-bookworm AS build
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends libevent-dev zlib1g-dev pkg-config \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Package.swift ./
COPY Sources Sources
COPY Tests Tests
RUN swift build -c release --static-swift-stdlib --product newsdesk \
    && mkdir -p /out \
    && cp .build/release/newsdesk /out/ \
    && cp -R .build/release/newsdesk_Server.resources /out/

FROM debian:bookworm-slim
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends libevent-2.1-7 zlib1g curl ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app newsdesk
WORKDIR /app
COPY --from=build /out/ /app/
COPY config /app/config
COPY corpus/sample /data
ENV NEWSDESK_HOST=0.0.0.0 \
    NEWSDESK_PORT=8080 \
    NEWSDESK_DATA=/data
USER 10001
EXPOSE 8080
VOLUME ["/data"]
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s CMD ["curl", "-fsS", "http://127.0.0.1:8080/healthz"]
ENTRYPOINT ["/app/newsdesk"]
CMD ["serve", "--config", "/app/config/server.json"]
