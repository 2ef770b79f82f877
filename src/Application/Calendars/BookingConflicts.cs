using Kasify.Application.Common;
using Kasify.Application.Timeline;
using Kasify.Domain.Bookings;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Calendars;

/// <summary>
/// Records a <c>booking.conflict</c> activity when an imported stay that is new or changed overlaps another confirmed
/// stay of the property (the domain's overlap rule, <see cref="StayOverlap.ConflictOfImported"/>, which knows our own
/// export echoed back as a block is none). Both are kept.
/// </summary>
public sealed class BookingConflicts(IKasifyDb db, ActivityLog log)
{
    public async Task ReportAsync(SyncTarget target, IReadOnlyList<Booking> imported, CancellationToken ct)
    {
        if (imported.Count == 0) return;
        var first = imported.Min(b => b.From);
        var stored = await db.Bookings.Where(b => b.PropertyId == target.PropertyId && b.Status == BookingStatus.Confirmed && b.To > first)
            .ToListAsync(ct);
        var candidates = stored.Concat(db.Bookings.Local.Where(b => b.PropertyId == target.PropertyId))
            .Where(b => b.IsConfirmed).DistinctBy(b => b.Id).ToList();

        foreach (var booking in imported)
        {
            if (StayOverlap.ConflictOfImported(booking, candidates) is not { } other) continue;
            await log.WriteAsync("booking.conflict",
                $"Imported {booking.Channel.ToString().ToLowerInvariant()} stay {booking.From:yyyy-MM-dd} → {booking.To:yyyy-MM-dd} overlaps the confirmed {other.Channel.ToString().ToLowerInvariant()} stay {other.From:yyyy-MM-dd} → {other.To:yyyy-MM-dd}",
                "booking", booking.Id, target.PropertyId, target.PropertyName, ct);
        }
    }
}
