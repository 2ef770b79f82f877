#!/usr/bin/env bash
# Adds a migration with the same name to both providers' migration sets.
# Usage: build/add-migration.sh AddBookings      (needs: dotnet tool install -g dotnet-ef --version 10.0.15)
set -euo pipefail
name=${1:?migration name}
cd "$(dirname "$0")/.."
for provider in Sqlite SqlServer; do
  dotnet ef migrations add "$name" --project src/Infrastructure --startup-project src/Infrastructure \
    --context "${provider}KasifyDbContext" --output-dir "Persistence/Migrations/$provider" \
    --namespace "Kasify.Infrastructure.Persistence.Migrations.$provider"
done
# With --namespace, dotnet-ef writes the model snapshot under a namespace-shaped folder: move it home.
for provider in Sqlite SqlServer; do
  src="src/Infrastructure/Kasify/Infrastructure/Persistence/Migrations/$provider"
  if [ -d "$src" ]; then mv "$src"/*.cs "src/Infrastructure/Persistence/Migrations/$provider/"; fi
done
rm -rf src/Infrastructure/Kasify src/Infrastructure/design-time.db
