# MVAI Assistant container image.
#   docker build -t mvai-assistant .
#   docker run -p 8080:8080 -e MicrosoftAppId=... -e MicrosoftAppTenantId=... -e MicrosoftAppPassword=... mvai-assistant
# Configuration comes from environment variables (README.md, "Configuration"; use __ for :). No secrets in the image.

# ---- build stage: .NET SDK plus Node.js/npm for the pinned Web Chat bundle (the test-only clients are dev dependencies) ----
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src

# Restore first so the package layers are cached while only sources change.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig package.json package-lock.json .npmrc ./
COPY Mvai.Bot/Mvai.Bot.csproj Mvai.Bot/
COPY Mvai.Knowledge/Mvai.Knowledge.csproj Mvai.Knowledge/
COPY Mvai.BotFramework/Mvai.BotFramework.csproj Mvai.BotFramework/
COPY Mvai.BotFramework.AspNetCore/Mvai.BotFramework.AspNetCore.csproj Mvai.BotFramework.AspNetCore/
COPY eng/ eng/
# The project imports the build step that writes the embedding model out of its package (build/EmbeddingModel.targets).
COPY Mvai.Knowledge/build/ Mvai.Knowledge/build/
# Restored and published for the image's architecture (Docker sets TARGETARCH: amd64 or arm64), so the app is
# ReadyToRun-compiled (Mvai.Bot.csproj) and only that platform's native libraries are copied.
ARG TARGETARCH
RUN npm ci --omit=dev --no-audit --no-fund \
 && dotnet restore Mvai.Bot/Mvai.Bot.csproj -a $TARGETARCH

COPY Mvai.Bot/ Mvai.Bot/
COPY Mvai.Knowledge/ Mvai.Knowledge/
COPY Mvai.BotFramework/ Mvai.BotFramework/
COPY Mvai.BotFramework.AspNetCore/ Mvai.BotFramework.AspNetCore/
RUN dotnet publish Mvai.Bot -c Release -o /app --no-restore -a $TARGETARCH --self-contained false

# ---- runtime stage: ASP.NET Core runtime only, non-root ----
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# HEALTHCHECK needs an HTTP client and the aspnet image has none. curl (one small Debian/Ubuntu package) is the
# simplest probe that works; it is installed as root before switching to the non-root user.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
# The embedded SQLite default writes to /app/data; give the app user that folder only (Postgres in Azure).
RUN mkdir -p /app/data && chown app:app /app/data

# appsettings.json sets Urls=http://localhost:3978 for development, and appsettings.json outranks the ASPNETCORE_
# variables, so the unprefixed Urls variable (which outranks appsettings.json) is set as well.
ENV ASPNETCORE_URLS=http://+:8080 \
    Urls=http://+:8080 \
    DOTNET_RUNNING_IN_CONTAINER=true \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
EXPOSE 8080
# The predefined non-root user of the .NET images (uid 1654).
USER app
# The app listens only after its start-up warm-up (a few seconds beside loading the sentence model), hence the start period.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS http://localhost:8080/healthz || exit 1
ENTRYPOINT ["dotnet", "Mvai.Bot.dll"]
