using Kasify.Infrastructure.Jobs;
using Kasify.Simulation.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Simulation.Invariants;

/// <summary>Invariant 7 at the end: no row claimed past its lease, none retried beyond its limit, none pending well past due.</summary>
public static class OutboxHealthCheck
{
    public static async Task<Invariant> RunAsync(SimulationHost host, DateTime now, TimeSpan sweepPeriod)
    {
        var invariant = new Invariant("7. outbox healthy at the end");
        var rows = await host.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .Select(m => new { m.Id, m.Kind, m.DueAt, m.ClaimedUntil, m.Attempts, m.ProcessedAt, m.FailedAt, m.CancelledAt }).ToListAsync());
        foreach (var row in rows)
        {
            invariant.Count();
            var pending = row.ProcessedAt == null && row.FailedAt == null && row.CancelledAt == null;
            if (row.Attempts > OutboxJobRunner.MaxAttempts)
                invariant.Violate($"attempts:{row.Id}", $"{row.Kind} {row.Id} ran {row.Attempts} times");
            if (pending && row.ClaimedUntil is { } lease && lease < now - sweepPeriod)
                invariant.Violate($"lease:{row.Id}", $"{row.Kind} {row.Id} still claimed, lease ended {lease:u}");
            else if (pending && row.DueAt < now - sweepPeriod)
                invariant.Violate($"late:{row.Id}", $"{row.Kind} {row.Id} pending since {row.DueAt:u}");
        }
        return invariant;
    }
}
