using Kasify.Domain.Tasks;
using Kasify.Simulation.Hosting;
using Kasify.Simulation.World;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Simulation.Invariants;

/// <summary>
/// Invariant 3 at the end: every confirmed stay has exactly one cleaning task, from check-out to the next confirmed
/// check-in within 7 days (else check-out + 4 h, docs/api.md §8); cancelled stays have none open; no open task without a stay.
/// </summary>
public static class CleaningCheck
{
    public static async Task<(Invariant Result, int Tasks)> RunAsync(SimulationHost host, WorldPlan world, DateTime start)
    {
        var invariant = new Invariant("3. one cleaning task per confirmed stay, on schedule");
        var tasks = await host.WithDbAsync(db => db.Tasks.AsNoTracking().Where(t => t.TaskType == TaskType.Cleaning)
            .Select(t => new { t.Id, t.BookingId, t.Status, t.From, t.To }).ToListAsync());
        var byBooking = tasks.Where(t => t.BookingId != null).ToLookup(t => t.BookingId!.Value);
        var liveBookings = new HashSet<Guid>();
        foreach (var stay in world.Stays.Where(s => s.IsGuestStay && s.Published && s.BookingId is not null && s.CheckoutUtc >= start))
        {
            var open = byBooking[stay.BookingId!.Value].Where(t => t.Status != WorkTaskStatus.Cancelled).ToList();
            invariant.Count();
            if (!stay.Live)
            {
                if (open.Any(t => t.Status is WorkTaskStatus.Pending or WorkTaskStatus.InProgress))
                    invariant.Violate($"cancelled:{stay.Key}", $"cancelled stay {stay.Key} still has an open cleaning task");
                continue;
            }
            liveBookings.Add(stay.BookingId!.Value);
            if (open.Count != 1)
            {
                invariant.Violate($"count:{stay.Key}", $"stay {stay.Key} ({stay.Source}) has {open.Count} cleaning tasks");
                continue;
            }
            var task = open[0];
            var (from, to) = Expected(stay);
            if (task.Status == WorkTaskStatus.Pending && (task.From != from || task.To != to))
                invariant.Violate($"time:{stay.Key}", $"stay {stay.Key}: task {task.From:u}–{task.To:u}, expected {from:u}–{to:u}");
        }
        foreach (var orphan in tasks.Where(t => t.Status is WorkTaskStatus.Pending or WorkTaskStatus.InProgress && (t.BookingId is null || !liveBookings.Contains(t.BookingId.Value))))
        {
            var known = world.Stays.Any(s => s.BookingId == orphan.BookingId && s.CheckoutUtc < start);
            if (!known) invariant.Violate($"orphan:{orphan.Id}", $"open cleaning task {orphan.Id} has no confirmed stay");
        }
        return (invariant, tasks.Count);
    }

    private static (DateTime From, DateTime To) Expected(Stay stay)
    {
        var next = stay.Property.Stays.Where(s => s.IsGuestStay && s.Live && s.Published && s != stay && s.From >= stay.To && s.From <= stay.To.AddDays(7))
            .OrderBy(s => s.From).FirstOrDefault();
        return (stay.CheckoutUtc, next?.CheckinUtc ?? stay.CheckoutUtc.AddHours(4));
    }
}
