namespace Kasify.Application.Ses;

/// <summary>
/// Port to SES.HOSPEDAJES (Ministerio del Interior). Every method throws <see cref="SesException"/>:
/// <see cref="SesErrorKind.Unauthorized"/> on HTTP 401, <see cref="SesErrorKind.Transient"/> on 10999/5xx/unreachable, <see cref="SesErrorKind.OutcomeUnknown"/> on a timeout
/// or an answer lost after sending,
/// <see cref="SesErrorKind.Rejected"/> on other failures (except a data rejection of a submitted report,
/// which is the <see cref="SesSubmitResult.Rejected"/> result).
/// </summary>
public interface ISesClient
{
    /// <summary>Sends a parte de viajeros (alta, PV). Not idempotent: a retry after a timeout may create a second batch.</summary>
    Task<SesSubmitResult> SubmitTravellerReportAsync(SesCredentials credentials, SesTravellerReport report, CancellationToken cancellationToken);

    /// <summary>Cancels a lote (anulación, tipoOperacion B) so that its parte can be sent again corrected.</summary>
    Task CancelBatchAsync(SesCredentials credentials, string batchId, CancellationToken cancellationToken);

    Task<SesBatchStatus> GetBatchStatusAsync(SesCredentials credentials, string batchId, CancellationToken cancellationToken);

    /// <summary>Completes when SES accepts the credentials (a harmless catalogue query).</summary>
    Task ValidateCredentialsAsync(SesCredentials credentials, CancellationToken cancellationToken);
}
