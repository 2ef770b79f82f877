namespace Kasify.Application.Ses;

/// <summary>Payload of the <c>ses.submit_report</c> outbox job: send the booking's pending parte de viajeros.</summary>
public sealed record SubmitTravellerReport(Guid BookingId)
{
    public const string Kind = "ses.submit_report";

    /// <summary>A claim older than this belongs to a worker that died mid-call (the SES client gives up after 30 s).</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(5);

    public string DedupKey => $"{Kind}:{BookingId}";
}

/// <summary>Payload of the <c>ses.poll_batch</c> outbox job: ask SES how lote <see cref="BatchId"/> went (<see cref="Poll"/> counts from 0).</summary>
public sealed record PollSesBatch(Guid BookingId, string BatchId, int Poll)
{
    public const string Kind = "ses.poll_batch";

    public string DedupKey => $"{Kind}:{BookingId}";

    /// <summary>1 minute after sending, then 5, 10, 20, 40 and every 60 minutes until the lote settles.</summary>
    public static TimeSpan DelayBefore(int poll) => poll == 0 ? TimeSpan.FromMinutes(1) : TimeSpan.FromMinutes(Math.Min(60, 5 * Math.Pow(2, Math.Min(poll, 8) - 1)));
}

/// <summary>Payload of the <c>ses.cancel_and_resend</c> outbox job: anulación of the accepted lote, then a new alta.</summary>
public sealed record CancelAndResendTravellerReport(Guid BookingId, string BatchId)
{
    public const string Kind = "ses.cancel_and_resend";

    public string DedupKey => $"{Kind}:{BookingId}";
}

/// <summary>Timeline kinds of SES reporting.</summary>
public static class SesActivities
{
    public const string Sent = "ses.sent";
    public const string Submitted = "ses.submitted";
    public const string Rejected = "ses.rejected";
    public const string Failed = "ses.failed";
    public const string DeadlineMissed = "ses.deadline_missed";
    public const string Uncertain = "ses.report_uncertain";
    public const string Overdue = "ses.report_overdue";
    public const string ResendRequested = "ses.resend_requested";
    public const string Cancelled = "ses.cancelled";
}
