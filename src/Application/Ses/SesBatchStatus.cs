namespace Kasify.Application.Ses;

/// <summary>State of a batch (lote) as SES reports it after asynchronous processing.</summary>
public abstract record SesBatchStatus
{
    private SesBatchStatus()
    {
    }

    /// <summary><c>codigoEstado</c> 4 or 5: not processed yet, ask again later.</summary>
    public sealed record Processing : SesBatchStatus;

    /// <summary><c>codigoEstado</c> 1: every communication got its <c>codigoComunicacion</c>.</summary>
    public sealed record Processed(IReadOnlyList<SesCommunicationAccepted> Communications) : SesBatchStatus;

    /// <summary><c>codigoEstado</c> 6: processed, but some communications failed.</summary>
    public sealed record ProcessedWithErrors(
        IReadOnlyList<SesCommunicationAccepted> Communications,
        IReadOnlyList<SesCommunicationError> Errors) : SesBatchStatus;

    /// <summary><c>codigoEstado</c> 2: the whole batch was rejected.</summary>
    public sealed record Rejected(string? StateDescription, IReadOnlyList<SesCommunicationError> Errors) : SesBatchStatus;
}
