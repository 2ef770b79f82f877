namespace Kasify.Application.Common;

/// <summary>Unknown, or not visible to the caller (never leak existence across accounts) → 404.</summary>
public sealed class NotFoundException(string what) : Exception($"{what} was not found.");

/// <summary>Authenticated and able to see the resource, but not allowed to do this → 403.</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>A token is valid but its user has not called POST /auth/register yet → 403.</summary>
public sealed class NotRegisteredException()
    : Exception("This user is not registered yet. Call POST /auth/register once with this token, then retry.");

/// <summary>The state of a resource does not allow the request → 409.</summary>
public sealed class ConflictException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The resource existed but is closed for good (a check-in link after the stay) → 410.</summary>
public sealed class GoneException(string message) : Exception(message);

/// <summary>Too many attempts of an expensive or sensitive operation; retry after <see cref="RetryAfter"/> → 429.</summary>
public sealed class TooManyRequestsException(string message, TimeSpan retryAfter) : Exception(message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>Field-by-field validation failure → 400 with <c>errors</c>.</summary>
public sealed class ValidationFailedException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("One or more fields are invalid.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public ValidationFailedException(string field, string message) : this(new Dictionary<string, string[]> { [field] = [message] }) { }
}

/// <summary>Well-formed but rejected by a third party or a business rule → 422.</summary>
public sealed class UnprocessableException(string message) : Exception(message);

public sealed class PayloadTooLargeException(string message) : Exception(message);

public sealed class UnsupportedMediaTypeException(string message) : Exception(message);

/// <summary>A third party we depend on cannot be reached right now; nothing was changed → 503.</summary>
public sealed class ServiceUnavailableException(string message) : Exception(message);
