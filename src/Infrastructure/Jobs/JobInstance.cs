using System.Collections.Concurrent;

namespace Kasify.Infrastructure.Jobs;

/// <summary>
/// This process as a job runner: the id its claims carry, and the rows it is running right now, whose claims
/// <see cref="ClaimHeartbeat"/> keeps renewing. A process that dies stops renewing, so its claims go stale.
/// </summary>
public sealed class JobInstance
{
    public string Id { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    private readonly ConcurrentDictionary<Guid, byte> _running = new();

    public IReadOnlyCollection<Guid> Running => _running.Keys.ToList();

    public void Started(Guid outboxMessageId) => _running[outboxMessageId] = 0;

    public void Finished(Guid outboxMessageId) => _running.TryRemove(outboxMessageId, out _);
}
