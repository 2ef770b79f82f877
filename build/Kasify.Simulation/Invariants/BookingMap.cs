using Kasify.Domain.Bookings;
using Kasify.Simulation.Hosting;
using Kasify.Simulation.World;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Simulation.Invariants;

/// <summary>
/// Links the world's feed stays to the bookings the sync created (by feed UID), so codes can be matched by name, and
/// checks invariant 4 while the run goes: a stay still in its feed is never cancelled (one-off empty or partial feeds
/// included); a stay gone from its feed is cancelled only after the two-miss rule.
/// </summary>
public sealed class BookingMap(WorldPlan world)
{
    public Invariant Feeds { get; } = new("4. feed cancellations only under the two-miss rule");

    public async Task RefreshAsync(SimulationHost host, DateTime now)
    {
        var rows = await host.WithDbAsync(db => db.Bookings.AsNoTracking()
            .Select(b => new { b.Id, b.PropertyId, b.ExternalUid, b.Status, b.MissingFromFeedCount }).ToListAsync());
        var byUid = rows.Where(r => r.ExternalUid != null).ToDictionary(r => (r.PropertyId, r.ExternalUid!));
        var byId = rows.ToDictionary(r => r.Id);
        foreach (var stay in world.Stays.Where(s => s.Published))
        {
            if (stay.FromFeed && stay.BookingId is null && byUid.TryGetValue((stay.Property.PropertyId, stay.FeedUid), out var found)) stay.BookingId = found.Id;
            if (stay.BookingId is not { } id || !byId.TryGetValue(id, out var row) || !stay.FromFeed) continue;
            Feeds.Count();
            var settled = now - stay.ChangedAt > TimeSpan.FromHours(2);
            if (stay.Live && settled && row.Status == BookingStatus.Cancelled)
                Feeds.Violate($"cancelled:{stay.Key}", $"{now:u} {stay.Key} ({stay.Source}) is in its feed but was cancelled (missed {row.MissingFromFeedCount} times)");
        }
    }

    /// <summary>At the end: stays that left their feed well before their check-in are cancelled by now.</summary>
    public async Task CheckEndAsync(SimulationHost host, DateTime now)
    {
        var statuses = await host.WithDbAsync(db => db.Bookings.AsNoTracking().ToDictionaryAsync(b => b.Id, b => new { b.Status, b.MissingFromFeedCount, b.LastSyncAt, b.From }));
        foreach (var stay in world.Stays.Where(s => s.FromFeed && !s.Live && s.Published && s.BookingId is not null && now - s.ChangedAt > TimeSpan.FromHours(3)))
        {
            if (stay.ChangedAt.Date >= stay.From.ToDateTime(TimeOnly.MinValue).AddDays(-1)) continue; // started stays are kept (FeedReconciler)
            Feeds.Count();
            if (statuses.TryGetValue(stay.BookingId!.Value, out var row) && row.Status != BookingStatus.Cancelled)
                Feeds.Violate($"kept:{stay.Key}", $"{now:u} {stay.Key} ({stay.Source}, from {row.From}) left its feed at {stay.ChangedAt:u} but is still {row.Status} (missed {row.MissingFromFeedCount}, last seen {row.LastSyncAt:u})");
        }
    }
}
