#!/usr/bin/env bash
# Adds a migration with the same name to every provider's migration set (SQLite, SQL Server, PostgreSQL).
# Usage: build/add-migration.sh AddBookings      (needs: dotnet tool install -g dotnet-ef --version 10.0.15)
#        build/add-migration.sh AddBookings PostgreSql    (one provider only, e.g. to catch up a set after a merge)
set -euo pipefail
name=${1:?migration name}
shift
providers=("$@")
if [ ${#providers[@]} -eq 0 ]; then providers=(Sqlite SqlServer PostgreSql); fi
cd "$(dirname "$0")/.."
dotnet build src/Infrastructure -nologo -v q
for provider in "${providers[@]}"; do
  dotnet ef migrations add "$name" --no-build --project src/Infrastructure --startup-project src/Infrastructure \
    --context "${provider}KasifyDbContext" --output-dir "Persistence/Migrations/$provider" \
    --namespace "Kasify.Infrastructure.Persistence.Migrations.$provider"
done
# With --namespace, dotnet-ef writes the model snapshot under a namespace-shaped folder: move it home.
for provider in "${providers[@]}"; do
  src="src/Infrastructure/Kasify/Infrastructure/Persistence/Migrations/$provider"
  if [ -d "$src" ]; then mv "$src"/*.cs "src/Infrastructure/Persistence/Migrations/$provider/"; fi
done
rm -rf src/Infrastructure/Kasify src/Infrastructure/design-time.db
# The SQLite context starts from a compiled model: regenerate it so it matches the new model (CompiledModelTests check).
if [[ " ${providers[*]} " == *" Sqlite "* ]]; then build/optimize-model.sh; fi
