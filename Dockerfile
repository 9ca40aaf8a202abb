# syntax=docker/dockerfile:1

# ---------------------------------------------------------------------------
# Build stage
# ---------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source

# Solution-wide build settings (SDK pin, shared MSBuild properties, central
# package versions, analyzer/code-style rules enforced during build).
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig Twinning.sln ./

# Restore with only the project files first so the restore layer is cached
# until a project file or package version changes.
COPY src/Twinning.Domain/Twinning.Domain.csproj                         src/Twinning.Domain/
COPY src/Twinning.Infrastructure/Twinning.Infrastructure.csproj         src/Twinning.Infrastructure/
COPY src/Twinning.Migrations.Postgres/Twinning.Migrations.Postgres.csproj src/Twinning.Migrations.Postgres/
COPY src/Twinning.Migrations.Sqlite/Twinning.Migrations.Sqlite.csproj   src/Twinning.Migrations.Sqlite/
COPY src/Twinning.Web/Twinning.Web.csproj                               src/Twinning.Web/
RUN dotnet restore src/Twinning.Web/Twinning.Web.csproj

# Now the sources.
COPY src/ src/
RUN dotnet publish src/Twinning.Web/Twinning.Web.csproj -c Release -o /app --no-restore -p:UseAppHost=false

# ---------------------------------------------------------------------------
# Runtime stage
# ---------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
WORKDIR /app
COPY --from=build /app ./

# The application files stay owned by root (read-only for the app user); only
# the data directory (mail pickup folder, SQLite file when used) is writable.
RUN mkdir -p /app/App_Data && chown "$APP_UID" /app/App_Data

ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080

# No HEALTHCHECK here: the image has no curl/wget. docker-compose.yml defines
# the container health check; the app serves /health/live and /health/ready.

# Non-root user provided by the .NET base images.
USER $APP_UID
ENTRYPOINT ["dotnet", "Twinning.Web.dll"]
