using Kasify.Application.Jobs;
using Kasify.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kasify.Infrastructure.Jobs;

/// <summary>
/// Safety net that hands outbox rows to Hangfire again; a duplicate job is harmless because the runner skips
/// finished or claimed rows. Every minute: overdue unclaimed rows (their Hangfire job was lost) and rows whose claim
/// went stale (the claiming instance stopped its heartbeat: it died). At start-up, every pending row at once.
/// </summary>
public sealed class OutboxSweep(KasifyDbContext db, IJobScheduler scheduler, IOptions<JobsOptions> options, TimeProvider time)
{
    public const string RecurringJobId = "outbox-sweep";
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(2);
    private const int BatchSize = 500;

    /// <param name="grace">How overdue an unclaimed row must be (its job may still sit in a queue); stale claims need none.</param>
    public async Task<int> RunAsync(TimeSpan grace, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var overdueBefore = now - grace;
        var due = await Pending()
            .Where(m => (m.ClaimedUntil == null && m.DueAt <= overdueBefore) || (m.ClaimedUntil != null && m.ClaimedUntil <= now))
            .OrderBy(m => m.DueAt)
            .Select(m => new { m.Id, m.DueAt, m.Kind })
            .Take(BatchSize)
            .ToListAsync(ct);
        foreach (var message in due) scheduler.Schedule(message.Id, message.DueAt, message.Kind);
        return due.Count;
    }

    public Task<int> RunRecurringAsync(CancellationToken ct) => RunAsync(Grace, ct);

    /// <summary>
    /// After a start the jobs this process's Hangfire knew may be gone (in-memory storage) and a claim may belong to a
    /// process that just died. Every pending row is handed over: due ones now, later ones at their due time, claimed
    /// ones when their lease ends (a live instance renews it, and then the job finds the row still claimed and stops).
    /// With durable Hangfire storage the scheduled jobs survived, so only due and claimed rows are handed over.
    /// </summary>
    public async Task<int> RunAtStartupAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var query = Pending();
        if (options.Value.DurableStorage) query = query.Where(m => m.DueAt <= now || m.ClaimedUntil != null);
        var handed = 0;
        while (true)
        {
            var rows = await query.OrderBy(m => m.DueAt).ThenBy(m => m.Id)
                .Select(m => new { m.Id, m.DueAt, m.Kind, m.ClaimedUntil }).Skip(handed).Take(BatchSize).ToListAsync(ct);
            foreach (var row in rows)
                scheduler.Schedule(row.Id, row.ClaimedUntil is { } until && until > row.DueAt ? until : row.DueAt, row.Kind);
            handed += rows.Count;
            if (rows.Count < BatchSize) return handed;
        }
    }

    private IQueryable<OutboxMessage> Pending() =>
        db.OutboxMessages.AsNoTracking().Where(m => m.ProcessedAt == null && m.FailedAt == null && m.CancelledAt == null);
}
