using Kasify.Application.Jobs;

namespace Kasify.Simulation.Hosting;

/// <summary>
/// Stands in for Hangfire's in-memory storage: what the app hands over (<see cref="IJobScheduler"/>) waits here until
/// due. One per host, so a restart loses it, as Hangfire's in-memory state is lost.
/// </summary>
public sealed class SimulatedJobQueue : IJobScheduler
{
    private readonly object _gate = new();
    private readonly List<(Guid Id, DateTime DueAt)> _entries = [];

    public void Schedule(Guid outboxMessageId, DateTime dueAtUtc, string kind)
    {
        lock (_gate) _entries.Add((outboxMessageId, dueAtUtc));
    }

    /// <summary>Removes and returns the jobs due at <paramref name="now"/>, earliest first (duplicates kept, as Hangfire would run them).</summary>
    public IReadOnlyList<Guid> TakeDue(DateTime now)
    {
        lock (_gate)
        {
            var due = _entries.Where(e => e.DueAt <= now).OrderBy(e => e.DueAt).ToList();
            _entries.RemoveAll(e => e.DueAt <= now);
            return due.Select(e => e.Id).ToList();
        }
    }
}
