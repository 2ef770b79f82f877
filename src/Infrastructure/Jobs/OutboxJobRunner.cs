using Hangfire;
using Kasify.Application.Jobs;
using Kasify.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Kasify.Infrastructure.Jobs;

/// <summary>
/// Runs one outbox row. Exactly-once comes from the row, not from Hangfire: a processed, cancelled or
/// currently claimed row is skipped, and the claim is taken with an optimistic-concurrency write so two
/// instances (or a duplicate Hangfire job) cannot both run it. The handler's changes and the "processed"
/// mark are saved together.
/// </summary>
public sealed class OutboxJobRunner(KasifyDbContext db, OutboxJobCatalog catalog, IServiceProvider scope, IJobScheduler scheduler,
    TimeProvider time, ILogger<OutboxJobRunner> logger)
{
    public const int MaxAttempts = 8;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    [AutomaticRetry(Attempts = 0)] // retries are ours (see AttemptFailed), so Hangfire must not replay the job
    public async Task RunAsync(Guid outboxMessageId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var message = await db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == outboxMessageId, ct);
        if (message is null || !message.IsPending) return;
        if (message.DueAt > now)
        {
            scheduler.Schedule(message.Id, message.DueAt); // fired early (clock skew, or rescheduled since)
            return;
        }
        if (!message.CanBeClaimed(now) || !await TryClaimAsync(message, now, ct)) return;

        try
        {
            var handler = catalog.Create(message.Kind, scope)
                          ?? throw new PermanentJobFailureException($"No handler for job kind '{message.Kind}'.");
            await handler.HandleAsync(message.Payload, ct);
            message.Processed(time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            await RecordFailureAsync(outboxMessageId, ex, ct);
        }
    }

    private async Task<bool> TryClaimAsync(OutboxMessage message, DateTime now, CancellationToken ct)
    {
        message.Claim(now, Lease);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false; // someone else claimed or finished it first
        }
    }

    private async Task RecordFailureAsync(Guid outboxMessageId, Exception ex, CancellationToken ct)
    {
        db.ChangeTracker.Clear(); // drop the failed handler's half-done changes
        var message = await db.OutboxMessages.SingleAsync(m => m.Id == outboxMessageId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var retryAt = ex is PermanentJobFailureException || message.Attempts >= MaxAttempts
            ? (DateTime?)null
            : now + Backoff(message.Attempts);
        message.AttemptFailed(Describe(ex), retryAt, now);
        await db.SaveChangesAsync(ct);
        if (retryAt is { } at) scheduler.Schedule(message.Id, at);
        logger.LogWarning("Job {Kind} {MessageId} failed (attempt {Attempt}): {Error}; {Next}",
            message.Kind, message.Id, message.Attempts, message.LastError, retryAt is null ? "giving up" : $"retrying at {retryAt:O}");
    }

    internal static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Max(0, attempts - 1))));

    private static string Describe(Exception ex)
    {
        var text = $"{ex.GetType().Name}: {ex.Message}";
        return text.Length > 1000 ? text[..1000] : text;
    }
}
