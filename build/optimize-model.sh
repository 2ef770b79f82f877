#!/usr/bin/env bash
# Regenerates the SQLite context's compiled model (src/Infrastructure/Persistence/CompiledModels/Sqlite), which EF Core
# picks up by itself at start-up instead of building the model (issue 14). Run it after every model change (with
# build/add-migration.sh); CompiledModelTests fails until then. Needs dotnet-ef 10.0.15 like add-migration.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf src/Infrastructure/Persistence/CompiledModels/Sqlite # a stale model may not even compile; nothing refers to it by name
dotnet build src/Infrastructure -nologo -v q
dotnet ef dbcontext optimize --no-build --project src/Infrastructure --startup-project src/Infrastructure \
  --context SqliteKasifyDbContext --output-dir Persistence/CompiledModels/Sqlite \
  --namespace Kasify.Infrastructure.Persistence.CompiledModels.Sqlite
rm -f src/Infrastructure/design-time.db
