namespace Kasify.Application.Ses;

public enum SesErrorKind
{
    /// <summary>HTTP 401: the web-service user or password is wrong.</summary>
    Unauthorized,

    /// <summary>SES answered with a non-zero <c>codigoRetorno</c> (or an unexpected answer); retrying unchanged will not help.</summary>
    Rejected,

    /// <summary><c>codigoRetorno</c> 10999, HTTP 5xx, or SES could not be reached at all: nothing was taken, worth retrying later.</summary>
    Transient,

    /// <summary>
    /// The request left but no answer came back (timeout, connection dropped mid-answer): SES may have taken it. For a
    /// query this is as good as transient; an alta must not be resent blindly (SES has no idempotency key).
    /// </summary>
    OutcomeUnknown,
}
