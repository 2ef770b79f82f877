using Kasify.Application.AccessCodes;
using Kasify.Application.Common;
using Kasify.Application.Ses;
using Kasify.Domain.Bookings;
using Kasify.Domain.Crew;
using Kasify.Domain.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Bookings;

/// <summary>
/// Turns bookings into their responses for a role: staff never see guest personal data, the check-in code (it opens the
/// public check-in page with every guest's data), the SES error (it quotes guest data) nor access codes (docs/api.md §2).
/// A page costs one query for its access codes (owners and managers only) and one for its cleaning tasks.
/// </summary>
public sealed class BookingReader(IKasifyDb db, AccessCodeReader accessCodes, TimeProvider time)
{
    public async Task<IReadOnlyList<BookingResponse>> ReadAsync(IReadOnlyList<Booking> bookings, Func<Booking, AccessLevel> roleOf,
        CancellationToken ct)
    {
        if (bookings.Count == 0) return [];
        var ids = bookings.Select(b => b.Id).ToList();
        var codes = bookings.Any(b => SeesPersonalData(roleOf(b)))
            ? await accessCodes.ForBookingsAsync(ids, ct)
            : new Dictionary<Guid, IReadOnlyList<AccessCodeResponse>>();
        var cleaning = await CleaningTaskIdsAsync(ids, ct);
        var propertyIds = bookings.Select(b => b.PropertyId).Distinct().ToList();
        var properties = await db.Properties.AsNoTracking().Where(p => propertyIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var result = new List<BookingResponse>(bookings.Count);
        foreach (var b in bookings)
        {
            var role = roleOf(b);
            var ses = SeesPersonalData(role) ? SesReportView.Of(b, properties[b.PropertyId], now) : null;
            result.Add(Read(b, role, codes.GetValueOrDefault(b.Id) ?? [], cleaning.GetValueOrDefault(b.Id), ses));
        }
        return result;
    }

    public async Task<BookingResponse> ReadOneAsync(Booking booking, AccessLevel role, CancellationToken ct) =>
        (await ReadAsync([booking], _ => role, ct)).Single();

    /// <summary>Each booking's cleaning task: the open (or completed) one before a cancelled one, then the oldest.</summary>
    private async Task<Dictionary<Guid, Guid>> CleaningTaskIdsAsync(List<Guid> bookingIds, CancellationToken ct)
    {
        var tasks = await db.Tasks.AsNoTracking()
            .Where(t => t.TaskType == TaskType.Cleaning && t.BookingId != null && bookingIds.Contains(t.BookingId.Value))
            .Select(t => new { t.Id, BookingId = t.BookingId!.Value, t.Status, t.CreatedAt })
            .ToListAsync(ct);
        return tasks.GroupBy(t => t.BookingId)
            .ToDictionary(g => g.Key, g => g.OrderBy(t => t.Status == WorkTaskStatus.Cancelled).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id).First().Id);
    }

    private static bool SeesPersonalData(AccessLevel role) => role is AccessLevel.Owner or AccessLevel.Manager;

    private static BookingResponse Read(Booking b, AccessLevel role, IReadOnlyList<AccessCodeResponse> codes, Guid? cleaningTaskId,
        SesReportView? ses)
    {
        var personal = SeesPersonalData(role);
        return new BookingResponse(b.Id, b.PropertyId, b.From, b.To, b.Channel, b.ChannelId,
            personal ? b.CheckinCode : null, b.Status, b.CreatedAt,
            b.PaymentType,
            personal ? b.Notes : null,
            personal ? b.GuestFirstName : null,
            personal ? b.GuestLastName : null,
            personal ? b.GuestEmail : null,
            personal ? b.GuestPhone : null,
            b.AdultsCount, b.ChildrenCount, b.InfantsCount,
            personal ? b.SpecialRequests : null,
            b.ArrivalTime, b.DepartureTime, b.CheckinTime, b.CheckoutTime, b.CheckinCompletedAt, b.LastSyncAt,
            b.Ses.SubmittedAt, b.Ses.BatchId, b.Ses.LastAttemptAt, personal ? b.Ses.LastError : null,
            personal ? codes : null,
            cleaningTaskId, ses);
    }
}
