namespace Kasify.Application.Ses;

/// <summary>Payload of the <c>ses.submit_report</c> outbox job: send the booking's parte de viajeros once.</summary>
public sealed record SubmitTravellerReport(Guid BookingId)
{
    public const string Kind = "ses.submit_report";

    public string DedupKey => $"{Kind}:{BookingId}";
}

/// <summary>Payload of the <c>ses.poll_batch</c> outbox job: ask SES how lote <see cref="BatchId"/> went (<see cref="Poll"/> counts from 0).</summary>
public sealed record PollSesBatch(Guid BookingId, string BatchId, int Poll)
{
    public const string Kind = "ses.poll_batch";
    public const int MaxPolls = 30;

    /// <summary>1 minute after sending, then 5, 10, 20, 40 and every 60 minutes.</summary>
    public static TimeSpan DelayBefore(int poll) => poll == 0 ? TimeSpan.FromMinutes(1) : TimeSpan.FromMinutes(Math.Min(60, 5 * Math.Pow(2, poll - 1)));
}

/// <summary>Timeline kinds of SES reporting.</summary>
public static class SesActivities
{
    public const string Sent = "ses.sent";
    public const string Submitted = "ses.submitted";
    public const string Rejected = "ses.rejected";
    public const string Failed = "ses.failed";
    public const string DeadlineMissed = "ses.deadline_missed";
}
