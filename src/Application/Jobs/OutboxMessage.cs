namespace Kasify.Application.Jobs;

/// <summary>
/// A piece of outside work recorded in the same transaction as the change that needs it.
/// After the commit it becomes a Hangfire job; the row (not Hangfire) is the source of truth,
/// so a lost Hangfire job is re-dispatched and a duplicate one finds the row already processed.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage() { }

    public const int TraceParentMaxLength = 55;

    public OutboxMessage(string kind, string payload, DateTime dueAt, DateTime now, Guid? propertyId, string? dedupKey,
        string? traceParent = null)
    {
        TraceParent = traceParent;
        Kind = kind;
        Payload = payload;
        DueAt = dueAt;
        CreatedAt = now;
        PropertyId = propertyId;
        DedupKey = dedupKey;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public string Kind { get; private set; } = "";
    public string Payload { get; private set; } = "";
    public Guid? PropertyId { get; private set; }
    /// <summary>
    /// Rows with the same key are one piece of work. The database holds at most one waiting (unclaimed) and one
    /// claimed pending row per key: enqueueing again while one waits is a no-op, and a claimed one never runs
    /// alongside another of its key.
    /// </summary>
    public string? DedupKey { get; private set; }
    public DateTime DueAt { get; private set; }
    public DateTime CreatedAt { get; private set; }
    /// <summary>End of the claim's lease; the claiming instance renews it while the job runs (its heartbeat).</summary>
    public DateTime? ClaimedUntil { get; private set; }
    /// <summary>The instance holding (or last holding) the claim.</summary>
    public string? ClaimedBy { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }
    public DateTime? ProcessedAt { get; private set; }
    public DateTime? FailedAt { get; private set; }
    public DateTime? CancelledAt { get; private set; }
    public Guid Version { get; set; } = Guid.NewGuid();
    /// <summary>W3C traceparent of the request or job that wrote the row; the job's span continues that trace.</summary>
    public string? TraceParent { get; private set; }

    public bool IsPending => ProcessedAt is null && FailedAt is null && CancelledAt is null;

    public bool IsClaimed => ClaimedUntil is not null;

    public bool CanBeClaimed(DateTime now) => IsPending && DueAt <= now && (ClaimedUntil is null || ClaimedUntil <= now);

    public void Claim(DateTime now, TimeSpan lease, string instance)
    {
        ClaimedUntil = now + lease;
        ClaimedBy = instance;
        Attempts++;
    }

    public void Processed(DateTime now)
    {
        ProcessedAt = now;
        ClaimedUntil = null;
        LastError = null;
    }

    public void AttemptFailed(string error, DateTime? retryAt, DateTime now)
    {
        LastError = error;
        ClaimedUntil = null;
        if (retryAt is { } at) DueAt = at;
        else FailedAt = now;
    }

    /// <summary>Final: every attempt was used up (also when the last ones never finished, e.g. the process died).</summary>
    public void GiveUp(string error, DateTime now) => AttemptFailed(error, retryAt: null, now);

    /// <summary>A newer waiting row of the same key will do this work.</summary>
    public void Supersede(DateTime now)
    {
        ClaimedUntil = null;
        CancelledAt ??= now;
    }

    public void Reschedule(DateTime dueAt)
    {
        DueAt = dueAt;
        ClaimedUntil = null;
    }

    public void Cancel(DateTime now) => CancelledAt ??= now;
}
