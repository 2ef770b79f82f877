namespace Kasify.Application.Jobs;

/// <summary>Records outside work in the current unit of work (see <see cref="OutboxMessage"/>).</summary>
public interface IOutbox
{
    /// <param name="dueAt">UTC; null means now.</param>
    /// <param name="dedupKey">Same key, same work: while a row of this key waits, enqueueing again only brings it forward.</param>
    /// <param name="keyIsNew">
    /// The key names something created in this unit of work (e.g. a new booking's id): no stored row can hold it, so only
    /// this unit of work's rows are looked at, not the database.
    /// </param>
    Task EnqueueAsync<TPayload>(string kind, TPayload payload, DateTime? dueAt = null, Guid? propertyId = null,
        string? dedupKey = null, CancellationToken ct = default, bool keyIsNew = false);

    /// <summary>
    /// Asks the database once which of these keys have a waiting row, so the enqueues of them that follow in this unit of
    /// work need no query each (issue 14: a new stay re-times several neighbours, each enqueueing its checkout job again).
    /// </summary>
    Task PrefetchWaitingAsync(IReadOnlyCollection<string> dedupKeys, CancellationToken ct = default);

    /// <summary>Cancels every pending row of a property (it is being deleted).</summary>
    Task CancelForPropertyAsync(Guid propertyId, CancellationToken ct = default);
}

/// <summary>
/// Does the work of one outbox kind from its payload text. Runs inside a job, may change tracked entities; saved with the row.
/// Application jobs implement <see cref="IOutboxJobHandler{TPayload}"/> instead, and never parse.
/// </summary>
public interface IOutboxJobHandler
{
    string Kind { get; }
    Task HandleAsync(string payload, CancellationToken ct);
}

/// <summary>Hands committed outbox rows to the job system (Hangfire), on the queue of their kind.</summary>
public interface IJobScheduler
{
    void Schedule(Guid outboxMessageId, DateTime dueAtUtc, string kind);
}

/// <summary>A job handler's failure that will not get better by retrying.</summary>
public sealed class PermanentJobFailureException(string message) : Exception(message);
