using Kasify.Application.Access;
using Kasify.Application.Common;
using Kasify.Domain.Bookings;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Ses;

public sealed record SesReportItem(Guid BookingId, Guid PropertyId, string PropertyName, DateOnly From, DateOnly To, string? ChannelId,
    string Status, string? BatchId, DateTime? SubmittedAt, DateTime? DeadlineAt, string? Error);

public sealed record SesReportsPage(IReadOnlyList<SesReportItem> Reports, int Page, int Size, int Total);

/// <summary>
/// GET /ses/reports (owners, managers): the report of every stay that must be reported, across the caller's properties
/// (archived ones too: their reports still count), most urgent deadline first. <c>status</c> narrows to one state.
/// Stays that ended long ago only appear while their report is not settled; stays more than two days ahead only once queued.
/// </summary>
[CallerScope]
public sealed class ListSesReportsHandler(IKasifyDb db, UseCaseCaller caller, PropertyAccess access, TimeProvider time)
{
    private const int RecentDays = 90;

    public async Task<SesReportsPage> HandleAsync(string? status, PageRequest page, CancellationToken ct)
    {
        if (status is not null && !SesReportView.All.Contains(status))
            throw new ValidationFailedException("status", $"status must be one of {string.Join(", ", SesReportView.All)}.");
        var user = caller.User;
        await access.RequireRoleSomewhereAsync(user, PropertyAccess.OwnerOrManager, ct);

        var now = time.GetUtcNow().UtcDateTime;
        var recent = DateOnly.FromDateTime(now).AddDays(-RecentDays);
        var soon = DateOnly.FromDateTime(now).AddDays(2);
        var visible = access.PropertyIdsWithRole(user, PropertyAccess.OwnerOrManager, includeArchived: true);
        var rows = await (from b in db.Bookings.AsNoTracking()
                          join p in db.Properties.AsNoTracking() on b.PropertyId equals p.Id
                          where visible.Contains(p.Id) && p.SesEstablishmentCode != null
                                && (b.Status == BookingStatus.Confirmed || b.Ses.State != SesReportState.None)
                                && (b.From >= recent || (b.Ses.State != SesReportState.Accepted && b.Ses.State != SesReportState.None))
                                && (b.From <= soon || b.Ses.State != SesReportState.None)
                          select new { Booking = b, Property = p }).ToListAsync(ct);

        var items = rows.Select(r => (r.Booking, r.Property, View: SesReportView.Of(r.Booking, r.Property, now)))
            .Where(r => r.View.Status != SesReportView.NotRequired && (status is null || r.View.Status == status))
            .OrderBy(r => r.View.DeadlineAt).ThenBy(r => r.Booking.Id)
            .Select(r => new SesReportItem(r.Booking.Id, r.Property.Id, r.Property.Name, r.Booking.From, r.Booking.To, r.Booking.ChannelId,
                r.View.Status, r.View.BatchId, r.View.SubmittedAt, r.View.DeadlineAt, r.View.Error))
            .ToList();
        return new SesReportsPage(items.Skip(page.Skip).Take(page.Size).ToList(), page.Page, page.Size, items.Count);
    }
}
