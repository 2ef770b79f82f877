namespace Kasify.Application.Checkin;

/// <summary>
/// Payload of the <c>checkin.deadline</c> outbox job, due 24 h after the guests' arrival: SES wants the parte de
/// viajeros by then (vendors.md §4.1).
/// </summary>
public sealed record CheckinDeadline(Guid BookingId)
{
    public const string Kind = "checkin.deadline";
    public static readonly TimeSpan AfterArrival = TimeSpan.FromHours(24);

    public string DedupKey(DateTime dueAt) => $"{Kind}:{BookingId}:{dueAt:O}";
}
