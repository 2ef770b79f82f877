using Kasify.Application.Common;
using Kasify.Domain.Bookings;
using Kasify.Domain.Properties;

namespace Kasify.Application.Bookings;

/// <summary>Query string of the booking lists (docs/api.md §5); <c>sortBy</c>, <c>sortDescending</c>, <c>propertyId</c> are camelCase on the wire.</summary>
public sealed record BookingListQuery(DateOnly? From, DateOnly? To, string? Channel, string? Query, string? Status,
    string? SortBy, bool? SortDescending, int? Page, int? Size);

public sealed record BookingFilter(Guid? PropertyId, DateOnly? From, DateOnly? To, Channel? Channel, BookingStatus? Status,
    string? LikePattern, bool SearchPersonalData, bool SortByCheckout, bool SortDescending)
{
    /// <summary>Checks the query (400 with every bad field) and builds the filter.</summary>
    public static (BookingFilter Filter, PageRequest Page) Create(BookingListQuery q, Guid? propertyId, bool searchPersonalData)
    {
        var v = new Validation();
        Channel? channel = null;
        if (q.Channel is not null)
        {
            if (Enum.TryParse<Channel>(q.Channel.Trim(), true, out var c) && Enum.IsDefined(c) && !int.TryParse(q.Channel, out _)) channel = c;
            else v.Add("channel", "channel must be one of airbnb, booking, vrbo, direct, other.");
        }
        BookingStatus? status = null;
        if (q.Status is not null)
        {
            if (Enum.TryParse<BookingStatus>(q.Status.Trim(), true, out var s) && Enum.IsDefined(s) && !int.TryParse(q.Status, out _)) status = s;
            else v.Add("status", "status must be one of confirmed, blocked, cancelled.");
        }
        var sortBy = q.SortBy?.Trim().ToUpperInvariant() ?? "CHECKIN";
        if (sortBy is not ("CHECKIN" or "CHECKOUT")) v.Add("sortBy", "sortBy must be CHECKIN or CHECKOUT.");
        SaneDates.Check(v, "from", q.From);
        SaneDates.Check(v, "to", q.To);
        var text = v.Optional("query", q.Query, 200);
        PageRequest? page = null;
        try { page = PageRequest.From(q.Page, q.Size); }
        catch (ValidationFailedException e) { foreach (var (field, messages) in e.Errors) foreach (var m in messages) v.Add(field, m); }
        v.ThrowIfInvalid();

        var like = text is null ? null : "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        return (new BookingFilter(propertyId, q.From, q.To, channel, status, like, searchPersonalData, sortBy == "CHECKOUT",
            q.SortDescending ?? false), page!);
    }
}
