using Kasify.Application.Jobs;
using Kasify.Infrastructure.Jobs;

namespace Kasify.Simulation.Hosting;

/// <summary>
/// Stands in for Hangfire's in-memory storage: what the app hands over (<see cref="IJobScheduler"/>) waits here, on the
/// queue of its kind (<see cref="OutboxJobCatalog.QueueOf"/>), until due. One per host, so a restart loses it, as
/// Hangfire's in-memory state is lost.
/// </summary>
public sealed class SimulatedJobQueue : IJobScheduler
{
    private readonly object _gate = new();
    private readonly List<SimulatedJob> _entries = [];
    private long _sequence;

    public void Schedule(Guid outboxMessageId, DateTime dueAtUtc, string kind)
    {
        lock (_gate) _entries.Add(new SimulatedJob(outboxMessageId, dueAtUtc, kind, OutboxJobCatalog.QueueOf(kind), _sequence++));
    }

    /// <summary>Removes and returns the earliest due job of <paramref name="queue"/> (duplicates kept, as Hangfire would run them).</summary>
    public SimulatedJob? TakeNext(string queue, DateTime now)
    {
        lock (_gate)
        {
            SimulatedJob? next = null;
            foreach (var e in _entries)
                if (e.Queue == queue && e.DueAt <= now && (next is null || e.DueAt < next.DueAt || (e.DueAt == next.DueAt && e.Sequence < next.Sequence)))
                    next = e;
            if (next is not null) _entries.Remove(next);
            return next;
        }
    }

    public bool AnyDue(DateTime now)
    {
        lock (_gate) return _entries.Exists(e => e.DueAt <= now);
    }
}

public sealed record SimulatedJob(Guid Id, DateTime DueAt, string Kind, string Queue, long Sequence);
