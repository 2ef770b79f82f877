namespace Kasify.Application.Ses;

/// <summary>What SES answered to an alta: the batch (lote) to poll later, or a data rejection.</summary>
public abstract record SesSubmitResult
{
    private SesSubmitResult()
    {
    }

    public sealed record Accepted(string BatchId) : SesSubmitResult;

    /// <summary>SES refused the report itself (non-zero <c>codigoRetorno</c>); resending it unchanged will not help.</summary>
    public sealed record Rejected(string Code, string Description) : SesSubmitResult;
}
