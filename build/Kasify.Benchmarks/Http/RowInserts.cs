using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kasify.Benchmarks.Http;

/// <summary>
/// Writes entities with one prepared, parameterized <c>INSERT</c> per table on the context's SQLite connection, bypassing
/// the change tracker and SaveChanges. The columns, value converters and parameter types come from EF's own relational
/// model (the same mappings SaveChanges uses), so each row is the one the app itself would store — Guid, DateTime, DateOnly
/// and enum encodings included — and a column added by a migration is written without touching this file.
/// Domain events are not dispatched: the caller pops them, as the EF seeder did.
/// </summary>
internal sealed class RowInserts(DbContext db) : IDisposable
{
    private readonly Dictionary<Type, Insert> _inserts = [];
    private static readonly string[] BulkPragmas = ["synchronous = OFF", "cache_size = -1048576", "temp_store = MEMORY"];
    private DbTransaction? _transaction;
    private string[]? _restore;

    /// <summary>
    /// Begins a transaction; the first call opens the connection and makes it fast for bulk writes (no fsync, 1 GiB page
    /// cache) until <see cref="Dispose"/> puts the connection's own settings back.
    /// </summary>
    public void Begin()
    {
        var connection = db.Database.GetDbConnection();
        if (_restore is null)
        {
            if (connection.State != System.Data.ConnectionState.Open) db.Database.OpenConnection();
            _restore = BulkPragmas.Select(p => p.Split(' ')[0]).Select(name => $"{name} = {Query($"PRAGMA {name}")}").ToArray();
            foreach (var pragma in BulkPragmas) Query($"PRAGMA {pragma}");
        }
        _transaction = connection.BeginTransaction();
        foreach (var insert in _inserts.Values) insert.Command.Transaction = _transaction;
    }

    public void Commit()
    {
        _transaction!.Commit();
        _transaction.Dispose();
        _transaction = null;
    }

    public void Add(object entity)
    {
        if (!_inserts.TryGetValue(entity.GetType(), out var insert))
        {
            insert = new Insert(db, entity.GetType());
            insert.Command.Transaction = _transaction;
            _inserts[entity.GetType()] = insert;
        }
        insert.Execute(entity);
    }

    /// <summary>The connection's settings as they were (the pragmas live on the pooled native connection), and closed.</summary>
    public void Dispose()
    {
        _transaction?.Dispose();
        foreach (var insert in _inserts.Values) insert.Command.Dispose();
        if (_restore is null) return;
        foreach (var pragma in _restore) Query($"PRAGMA {pragma}");
        db.Database.CloseConnection();
    }

    private object? Query(string sql)
    {
        using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private sealed class Insert
    {
        private readonly (IProperty Property, RelationalTypeMapping Mapping, string Parameter)[] _columns;

        public Insert(DbContext db, Type clrType)
        {
            var entityType = db.Model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not in the model.");
            var table = entityType.GetTableMappings().Single().Table;
            var columns = table.Columns
                .Select(c => (c.Name, Mapping: c.PropertyMappings.Single()))
                .Where(c => !(c.Mapping.Property.IsPrimaryKey() && c.Mapping.Property.ValueGenerated != ValueGenerated.Never))
                .ToList();
            var shadow = columns.FirstOrDefault(c => c.Mapping.Property.IsShadowProperty());
            if (shadow.Name is not null)
                throw new InvalidOperationException($"{table.Name}.{shadow.Name} is a shadow property: the seeder cannot read it from the entity.");
            _columns = columns.Select((c, i) => (c.Mapping.Property, (RelationalTypeMapping)c.Mapping.TypeMapping, $"@p{i}")).ToArray();

            Command = db.Database.GetDbConnection().CreateCommand();
            Command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) " +
                                  $"VALUES ({string.Join(", ", _columns.Select(c => c.Parameter))})";
        }

        public DbCommand Command { get; }

        public void Execute(object entity)
        {
            Command.Parameters.Clear();
            foreach (var (property, mapping, parameter) in _columns)
            {
                var value = property.GetGetter().GetClrValueUsingContainingEntity(entity);
                Command.Parameters.Add(mapping.CreateParameter(Command, parameter, value, property.IsNullable));
            }
            Command.ExecuteNonQuery();
        }
    }
}
