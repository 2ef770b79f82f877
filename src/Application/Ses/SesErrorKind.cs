namespace Kasify.Application.Ses;

public enum SesErrorKind
{
    /// <summary>HTTP 401: the web-service user or password is wrong.</summary>
    Unauthorized,

    /// <summary>SES answered with a non-zero <c>codigoRetorno</c> (or an unexpected answer); retrying unchanged will not help.</summary>
    Rejected,

    /// <summary><c>codigoRetorno</c> 10999, HTTP 5xx, network failure or timeout; worth retrying later.</summary>
    Transient,
}
