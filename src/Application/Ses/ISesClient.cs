namespace Kasify.Application.Ses;

/// <summary>
/// Port to SES.HOSPEDAJES (Ministerio del Interior). Every method throws <see cref="SesException"/>:
/// <see cref="SesErrorKind.Unauthorized"/> on HTTP 401, <see cref="SesErrorKind.Transient"/> on 10999/5xx/timeouts,
/// <see cref="SesErrorKind.Rejected"/> on other failures (except a data rejection of a submitted report,
/// which is the <see cref="SesSubmitResult.Rejected"/> result).
/// </summary>
public interface ISesClient
{
    /// <summary>Sends a parte de viajeros (alta, PV). Not idempotent: a retry after a timeout may create a second batch.</summary>
    Task<SesSubmitResult> SubmitTravellerReportAsync(SesCredentials credentials, SesTravellerReport report, CancellationToken cancellationToken);

    Task<SesBatchStatus> GetBatchStatusAsync(SesCredentials credentials, string batchId, CancellationToken cancellationToken);

    /// <summary>Completes when SES accepts the credentials (a harmless catalogue query).</summary>
    Task ValidateCredentialsAsync(SesCredentials credentials, CancellationToken cancellationToken);
}
