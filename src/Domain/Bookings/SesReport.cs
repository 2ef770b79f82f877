namespace Kasify.Domain.Bookings;

/// <summary>Where a stay's parte de viajeros stands with SES.HOSPEDAJES (stored; overdue and waiting are derived on read).</summary>
public enum SesReportState
{
    /// <summary>Nothing queued yet (check-in incomplete, or the property does not report).</summary>
    None,
    /// <summary>To be sent: first time, after a safe failure, or after a resend was asked for.</summary>
    Pending,
    /// <summary>Claimed by a worker that is calling SES now; saved before the call so nobody else sends it.</summary>
    Sending,
    /// <summary>SES took the alta and gave a lote; its processing is polled until it settles.</summary>
    Submitted,
    /// <summary>The alta may or may not have reached SES (timeout, crash); never resent without a confirmation.</summary>
    Uncertain,
    Accepted,
    Rejected,
}

/// <summary>
/// The booking's SES report, a value replaced as a whole on every step. <see cref="SubmittedAt"/> is when SES gave the
/// lote, <see cref="AcceptedAt"/> when the lote was processed OK.
/// </summary>
public sealed record SesReport(
    SesReportState State,
    string? BatchId,
    DateTime? SubmittedAt,
    DateTime? AcceptedAt,
    string? CommunicationCode,
    DateTime? ClaimedAt,
    int Attempts,
    DateTime? LastAttemptAt,
    string? LastError,
    DateTime? OverdueAt)
{
    public const int MaxErrorLength = 1000;

    public static SesReport None { get; } = new(SesReportState.None, null, null, null, null, null, 0, null, null, null);

    /// <summary>A report that has no final answer yet: a sweep keeps it moving.</summary>
    public bool IsOpen => State is SesReportState.Pending or SesReportState.Sending or SesReportState.Submitted;

    internal SesReport Queued() => this with { State = SesReportState.Pending, ClaimedAt = null };

    internal SesReport Claimed(DateTime now) =>
        this with { State = SesReportState.Sending, ClaimedAt = now, Attempts = Attempts + 1, LastAttemptAt = now };

    internal SesReport Sent(string batchId, DateTime now) => this with
    {
        State = SesReportState.Submitted, BatchId = batchId, SubmittedAt = now, AcceptedAt = null, CommunicationCode = null,
        ClaimedAt = null, LastError = null,
    };

    internal SesReport NotSent(string error) => this with { State = SesReportState.Pending, ClaimedAt = null, LastError = Trim(error) };

    internal SesReport Unknown(string error) => this with { State = SesReportState.Uncertain, ClaimedAt = null, LastError = Trim(error) };

    internal SesReport Refused(string error) => this with { State = SesReportState.Rejected, ClaimedAt = null, LastError = Trim(error) };

    internal SesReport Settled(string? communicationCode, DateTime now) =>
        this with { State = SesReportState.Accepted, AcceptedAt = now, CommunicationCode = communicationCode, LastError = null };

    internal SesReport Noted(string? error) => this with { LastError = error is null ? null : Trim(error) };

    internal SesReport Overdue(DateTime now) => this with { OverdueAt = now };

    private static string Trim(string error) => error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
}
