using System.Diagnostics;
using System.Text.Json;
using Kasify.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Jobs;

internal sealed class Outbox(IKasifyDb db, IJobScheduler scheduler, TimeProvider time) : IOutbox
{
    /// <summary>A waiting row this overdue is handed over again when asked for (the sweep's grace is longer).</summary>
    private static readonly TimeSpan LongOverdue = TimeSpan.FromSeconds(30);

    /// <summary>The rows with a key this unit of work added, by key: finding one is a lookup, not a scan of the tracker (issue 14).</summary>
    private readonly Dictionary<string, OutboxMessage> _added = new(StringComparer.Ordinal);

    /// <summary>What <see cref="PrefetchWaitingAsync"/> found per key (null: no waiting row); each answer is used once.</summary>
    private readonly Dictionary<string, Waiting?> _prefetched = new(StringComparer.Ordinal);

    private sealed record Waiting(Guid Id, string Kind, DateTime DueAt);

    public async Task EnqueueAsync<TPayload>(string kind, TPayload payload, DateTime? dueAt, Guid? propertyId,
        string? dedupKey, CancellationToken ct, bool keyIsNew)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var due = dueAt ?? now;
        if (dedupKey is not null && (AlreadyAdded(dedupKey, due) || (!keyIsNew && await AlreadyWaitingAsync(dedupKey, due, ct)))) return;
        var message = new OutboxMessage(kind, JsonSerializer.Serialize(payload), due, now, propertyId, dedupKey, CurrentTraceParent());
        db.OutboxMessages.Add(message);
        if (dedupKey is not null) _added[dedupKey] = message;
    }

    /// <summary>This unit of work already added a row of the key, still waiting and tracked: brought forward if asked sooner.</summary>
    private bool AlreadyAdded(string dedupKey, DateTime due)
    {
        if (!_added.TryGetValue(dedupKey, out var added)) return false;
        if (!added.IsPending || added.IsClaimed || !db.OutboxMessages.Local.Contains(added))
        {
            _added.Remove(dedupKey); // detached (a failed job's changes dropped) or no longer waiting: look again
            return false;
        }
        if (due < added.DueAt) added.Reschedule(due);
        return true;
    }

    /// <summary>The W3C traceparent of the request or job writing the row: the job that runs it continues that trace.</summary>
    private static string? CurrentTraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C, Id.Length: <= OutboxMessage.TraceParentMaxLength } activity ? activity.Id : null;

    public async Task PrefetchWaitingAsync(IReadOnlyCollection<string> dedupKeys, CancellationToken ct)
    {
        var keys = dedupKeys.Where(k => !_prefetched.ContainsKey(k) && !_added.ContainsKey(k)).Distinct(StringComparer.Ordinal).ToList();
        if (keys.Count == 0) return;
        var found = await WaitingRows(db.OutboxMessages.AsNoTracking().Where(m => keys.Contains(m.DedupKey!)))
            .Select(m => new { m.DedupKey, m.Id, m.Kind, m.DueAt }).ToListAsync(ct);
        foreach (var key in keys) _prefetched[key] = null;
        foreach (var row in found)
            if (_prefetched.TryGetValue(row.DedupKey!, out var earlier) && (earlier is null || row.DueAt < earlier.DueAt))
                _prefetched[row.DedupKey!] = new Waiting(row.Id, row.Kind, row.DueAt);
    }

    /// <summary>Pending, not cancelled and not claimed: a row that still stands for its key's work.</summary>
    private static IQueryable<OutboxMessage> WaitingRows(IQueryable<OutboxMessage> rows) =>
        rows.Where(m => m.ProcessedAt == null && m.FailedAt == null && m.CancelledAt == null && m.ClaimedUntil == null);

    public async Task CancelForPropertyAsync(Guid propertyId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var pending = await db.OutboxMessages
            .Where(m => m.PropertyId == propertyId && m.ProcessedAt == null && m.FailedAt == null && m.CancelledAt == null)
            .ToListAsync(ct);
        foreach (var message in pending) message.Cancel(now);
    }

    /// <summary>
    /// A row of the same key already waits (not claimed): that row is this work. If it is due later than asked (a retry
    /// in back-off, the next interval), it is brought forward and handed to the job system again, so "now" means now.
    /// A row long overdue is handed over again (its Hangfire job may be lost).
    /// A claimed (running) row does not count: the request may come after its work was read, so a new row waits behind it.
    /// </summary>
    private async Task<bool> AlreadyWaitingAsync(string dedupKey, DateTime due, CancellationToken ct)
    {
        var tracked = db.OutboxMessages.Local.FirstOrDefault(m => m.DedupKey == dedupKey && m.IsPending && !m.IsClaimed);
        if (tracked is not null)
        {
            if (due < tracked.DueAt) tracked.Reschedule(due);
            return true;
        }

        var waiting = _prefetched.Remove(dedupKey, out var prefetched)
            ? prefetched
            : await WaitingRows(db.OutboxMessages.AsNoTracking().Where(m => m.DedupKey == dedupKey))
                .Select(m => new Waiting(m.Id, m.Kind, m.DueAt)).FirstOrDefaultAsync(ct);
        if (waiting is null) return false;
        var now = time.GetUtcNow().UtcDateTime;
        if (waiting.DueAt <= due && waiting.DueAt < now - LongOverdue)
            scheduler.Schedule(waiting.Id, waiting.DueAt, waiting.Kind); // its Hangfire job may be lost: a duplicate is harmless
        else if (due < waiting.DueAt)
        {
            // Written at once and atomically (only if still waiting and later): a runner claiming it meanwhile wins.
            var moved = await db.OutboxMessages
                .Where(m => m.Id == waiting.Id && m.ClaimedUntil == null && m.ProcessedAt == null && m.FailedAt == null
                            && m.CancelledAt == null && m.DueAt > due)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.DueAt, due), ct);
            if (moved == 1) scheduler.Schedule(waiting.Id, due, waiting.Kind);
        }
        return true;
    }
}
