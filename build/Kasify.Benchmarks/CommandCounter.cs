using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kasify.Benchmarks;

/// <summary>
/// Counts the SQL commands sent to the database (every context of the benchmark); with <c>KASIFY_BENCH_SQL=1</c> also
/// which statements they were, so a relative profile names the query that multiplies.
/// </summary>
internal sealed class CommandCounter : DbCommandInterceptor
{
    private readonly bool _byStatement = Environment.GetEnvironmentVariable("KASIFY_BENCH_SQL") == "1";
    private readonly Dictionary<string, int> _statements = [];
    private int _count;

    public int Count => _count;

    public void Reset()
    {
        Interlocked.Exchange(ref _count, 0);
        lock (_statements) _statements.Clear();
    }

    /// <summary>The most frequent statements (first 160 characters), most frequent first; empty unless enabled.</summary>
    public IReadOnlyList<(string Statement, int Count)> TopStatements(int top)
    {
        lock (_statements) return _statements.OrderByDescending(s => s.Value).Take(top).Select(s => (s.Key, s.Value)).ToList();
    }

    private void Record(DbCommand command)
    {
        Interlocked.Increment(ref _count);
        if (!_byStatement) return;
        var text = command.CommandText.ReplaceLineEndings(" ");
        var key = text.Length > 160 ? text[..160] : text;
        lock (_statements) _statements[key] = _statements.GetValueOrDefault(key) + 1;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }
}
