using Hangfire;
using Kasify.Application.Jobs;
using Kasify.Infrastructure.Persistence;
using Kasify.Infrastructure.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kasify.Infrastructure.Jobs;

/// <summary>
/// Runs one outbox row. Exactly-once comes from the row, not from Hangfire: a processed, cancelled or currently
/// claimed row is skipped, and the claim is taken with an optimistic-concurrency write so two instances (or a
/// duplicate Hangfire job) cannot both run it; the database also refuses a second claimed row of the same dedup key.
/// The claim carries this instance's id and a short lease its heartbeat renews, so a dead instance's claim is taken
/// over quickly and a live one's never. The handler's changes and the "processed" mark are saved together.
/// A failure is recorded on the row (retry with back-off, or final) and then rethrown, so Hangfire shows the job failed.
/// </summary>
public sealed class OutboxJobRunner(KasifyDbContext db, OutboxJobCatalog catalog, IServiceProvider scope, IJobScheduler scheduler,
    JobInstance instance, IOptions<JobsOptions> options, TimeProvider time, ILogger<OutboxJobRunner> logger, KasifyMetrics metrics)
{
    public const int MaxAttempts = 8;
    /// <summary>How soon a row whose key is being run elsewhere tries again (it is also dispatched when that run ends).</summary>
    internal static readonly TimeSpan BusyKeyRetry = TimeSpan.FromSeconds(15);
    /// <summary>How early a job may fire (clock skew between servers) and still be handed over again for its row's time.</summary>
    internal static readonly TimeSpan EarlyFireTolerance = TimeSpan.FromSeconds(5);

    [AutomaticRetry(Attempts = 0)] // retries are ours (see RecordFailureAsync), so Hangfire must not replay the job
    public async Task RunAsync(Guid outboxMessageId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var message = await db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == outboxMessageId, ct);
        if (message is null || !message.IsPending) return;
        if (message.DueAt > now)
        {
            // Fired a moment early (clock skew): hand it over again. A row due well later was moved on by whoever set its
            // new time (a retry in back-off), which scheduled it then; this is a stale duplicate and must not live on.
            if (message.DueAt - now <= EarlyFireTolerance) scheduler.Schedule(message.Id, message.DueAt, message.Kind);
            return;
        }
        if (!message.CanBeClaimed(now)) return;
        if (message.Attempts >= MaxAttempts)
        {
            await GiveUpAsync(message, now, ct);
            return;
        }
        if (!await TryClaimAsync(message, now, ct)) return;

        instance.Started(message.Id);
        using var activity = JobActivity.Start(message);
        var started = time.GetTimestamp();
        try
        {
            var handler = catalog.Create(message.Kind, scope)
                          ?? throw new PermanentJobFailureException($"No handler for job kind '{message.Kind}'.");
            await handler.HandleAsync(message.Payload, ct);
            message.Processed(time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            metrics.JobRan(message.Kind, "ok", time.GetElapsedTime(started));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            JobActivity.Failed(activity, ex);
            metrics.JobRan(message.Kind, "failed", time.GetElapsedTime(started));
            await RecordFailureAsync(outboxMessageId, ex, ct);
            throw;
        }
        finally
        {
            instance.Finished(message.Id);
        }
        await DispatchNextOfKeyAsync(message, ct);
    }

    private async Task<bool> TryClaimAsync(OutboxMessage message, DateTime now, CancellationToken ct)
    {
        message.Claim(now, options.Value.ClaimLease, instance.Id);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false; // someone else claimed or finished it first
        }
        catch (DbUpdateException ex) when (UniqueConstraintViolation.Is(ex))
        {
            // Another row of the same key is running: this one waits its turn (dispatched again when that one ends).
            db.ChangeTracker.Clear();
            scheduler.Schedule(message.Id, now + BusyKeyRetry, message.Kind);
            return false;
        }
    }

    /// <summary>Attempts are counted at claim: a row whose runs kept dying with the process stops here, for good.</summary>
    private async Task GiveUpAsync(OutboxMessage message, DateTime now, CancellationToken ct)
    {
        message.GiveUp($"Gave up after {message.Attempts} attempts; the last did not finish (the process stopped?). Last error: {message.LastError ?? "none"}", now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return;
        }
        metrics.JobFailed(message.Kind, final: true);
        logger.LogWarning("Job {Kind} {MessageId} gave up after {Attempts} attempts", message.Kind, message.Id, message.Attempts);
        throw new OutboxJobGaveUpException(message.Kind, message.Id, message.Attempts);
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
        if (retryAt is not null && await HasWaitingSiblingAsync(message, ct)) message.Supersede(now);
        await db.SaveChangesAsync(ct);
        metrics.JobFailed(message.Kind, final: message.FailedAt is not null);
        if (retryAt is { } at && message.IsPending) scheduler.Schedule(message.Id, at, message.Kind);
        else if (message.CancelledAt is not null) await DispatchNextOfKeyAsync(message, ct);
        logger.LogWarning("Job {Kind} {MessageId} failed (attempt {Attempt}): {Error}; {Next}",
            message.Kind, message.Id, message.Attempts, message.LastError,
            message.CancelledAt is not null ? "superseded by a newer request" : retryAt is null ? "giving up" : $"retrying at {retryAt:O}");
    }

    /// <summary>A newer row of the same key waits: it will do this work, so the failed one does not retry beside it.</summary>
    private Task<bool> HasWaitingSiblingAsync(OutboxMessage message, CancellationToken ct) =>
        message.DedupKey is null
            ? Task.FromResult(false)
            : db.OutboxMessages.AnyAsync(m => m.DedupKey == message.DedupKey && m.Id != message.Id && m.ProcessedAt == null
                                              && m.FailedAt == null && m.CancelledAt == null && m.ClaimedUntil == null, ct);

    /// <summary>A row of the same key queued while this one ran waited for it: hand it over now.</summary>
    private async Task DispatchNextOfKeyAsync(OutboxMessage finished, CancellationToken ct)
    {
        if (finished.DedupKey is null) return;
        var next = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.DedupKey == finished.DedupKey && m.Id != finished.Id && m.ProcessedAt == null && m.FailedAt == null
                        && m.CancelledAt == null && m.ClaimedUntil == null)
            .Select(m => new { m.Id, m.DueAt, m.Kind }).FirstOrDefaultAsync(ct);
        if (next is not null) scheduler.Schedule(next.Id, next.DueAt, next.Kind);
    }

    internal static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Max(0, attempts - 1))));

    private static string Describe(Exception ex)
    {
        var text = $"{ex.GetType().Name}: {ex.Message}";
        return text.Length > 1000 ? text[..1000] : text;
    }
}

/// <summary>Marks the Hangfire job failed when its outbox row used up its attempts without finishing.</summary>
public sealed class OutboxJobGaveUpException(string kind, Guid id, int attempts)
    : Exception($"Job {kind} {id} gave up after {attempts} attempts.");
