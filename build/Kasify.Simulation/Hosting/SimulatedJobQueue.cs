using Kasify.Application.Jobs;

namespace Kasify.Simulation.Hosting;

/// <summary>
/// Stands in for Hangfire's in-memory storage: what the app hands over (<see cref="IJobScheduler"/>) waits here until
/// due. One per host, so a restart loses it, as Hangfire's in-memory state is lost.
/// </summary>
public sealed class SimulatedJobQueue : IJobScheduler
{
    private readonly object _gate = new();
    private readonly List<SimulatedJob> _entries = [];

    public void Schedule(Guid outboxMessageId, DateTime dueAtUtc, string kind)
    {
        lock (_gate) _entries.Add(new SimulatedJob(outboxMessageId, dueAtUtc, kind));
    }

    /// <summary>Removes and returns the jobs due at <paramref name="now"/>, earliest first (duplicates kept, as Hangfire would run them).</summary>
    public IReadOnlyList<SimulatedJob> TakeDue(DateTime now)
    {
        lock (_gate)
        {
            var due = _entries.Where(e => e.DueAt <= now).OrderBy(e => e.DueAt).ToList();
            _entries.RemoveAll(e => e.DueAt <= now);
            return due;
        }
    }

    /// <summary>The earliest due time of a waiting job, if any.</summary>
    public DateTime? NextDue()
    {
        lock (_gate) return _entries.Count == 0 ? null : _entries.Min(e => e.DueAt);
    }
}

public sealed record SimulatedJob(Guid Id, DateTime DueAt, string Kind);
