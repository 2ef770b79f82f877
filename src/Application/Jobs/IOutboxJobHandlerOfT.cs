namespace Kasify.Application.Jobs;

/// <summary>A handler of one outbox kind whose payload is a typed record: the job catalog finds them all under this type.</summary>
public interface IOutboxJob
{
    string Kind { get; }
}

/// <summary>
/// Does the work of one outbox kind whose payload is the JSON of <typeparamref name="TPayload"/> (the record it was
/// enqueued with). The job runner reads the payload once and hands it over; an empty payload never reaches the handler.
/// Runs inside a job, may change tracked entities; saved with the row.
/// </summary>
public interface IOutboxJobHandler<in TPayload> : IOutboxJob where TPayload : class
{
    Task HandleAsync(TPayload payload, CancellationToken ct);
}
