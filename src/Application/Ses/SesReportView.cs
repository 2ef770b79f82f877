using Kasify.Application.Checkin;
using Kasify.Domain.Bookings;
using Kasify.Domain.Properties;

namespace Kasify.Application.Ses;

/// <summary>The booking's <c>ses</c> object (owners and managers): the report's state at a glance.</summary>
/// <param name="Status"><c>not_required</c>, <c>waiting_for_guests</c>, <c>pending</c>, <c>submitted</c>, <c>uncertain</c>, <c>accepted</c>, <c>rejected</c> or <c>overdue</c>.</param>
public sealed record SesReportView(string Status, string? BatchId, DateTime? SubmittedAt, DateTime? DeadlineAt, string? Error)
{
    public const string NotRequired = "not_required";
    public const string WaitingForGuests = "waiting_for_guests";
    public const string Pending = "pending";
    public const string Submitted = "submitted";
    public const string Uncertain = "uncertain";
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";
    public const string Overdue = "overdue";

    public static readonly string[] All = [NotRequired, WaitingForGuests, Pending, Submitted, Uncertain, Accepted, Rejected, Overdue];

    /// <summary>
    /// Derives the status: a stay that does not report (no establishment code, not a confirmed stay) is not_required; a
    /// report neither sent nor settled once the 24-hour deadline passed is overdue; otherwise the stored state speaks.
    /// </summary>
    public static SesReportView Of(Booking booking, Property property, DateTime nowUtc)
    {
        var ses = booking.Ses;
        var reports = property.SesEstablishmentCode is not null && (booking.IsConfirmed || ses.State != SesReportState.None);
        if (!reports) return new SesReportView(NotRequired, ses.BatchId, ses.SubmittedAt, null, ses.LastError);

        var deadline = CheckinState.ArrivalUtc(booking, property) + CheckinDeadline.AfterArrival;
        var status = ses.State switch
        {
            SesReportState.Submitted => Submitted,
            SesReportState.Accepted => Accepted,
            SesReportState.Uncertain => Uncertain,
            SesReportState.Rejected => Rejected,
            _ when nowUtc >= deadline => Overdue,
            SesReportState.None when booking.CheckinCompletedAt is null => WaitingForGuests,
            _ => Pending,
        };
        return new SesReportView(status, ses.BatchId, ses.SubmittedAt, deadline, ses.LastError);
    }
}
