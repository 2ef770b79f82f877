namespace Kasify.Application.Ses;

/// <summary>A failed SES call. <see cref="Reason"/> never contains credentials.</summary>
public sealed class SesException(SesErrorKind kind, string reason, Exception? innerException = null)
    : Exception($"SES {kind}: {reason}", innerException)
{
    public SesErrorKind Kind { get; } = kind;

    public string Reason { get; } = reason;
}
