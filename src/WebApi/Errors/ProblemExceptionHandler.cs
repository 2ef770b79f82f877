using System.Text.Json;
using Kasify.Application.Common;
using Kasify.Domain.Common;
using Kasify.Infrastructure.Persistence;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Kasify.WebApi.Errors;

/// <summary>Maps every exception to an RFC 9457 problem; only real faults become a 500 (and are logged).</summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var (status, title, detail, errors) = exception switch
        {
            ValidationFailedException v => (400, "Invalid request", v.Message, v.Errors),
            BadHttpRequestException b => (b.StatusCode, "Invalid request", DescribeBadRequest(b), null),
            NotFoundException => (404, "Not found", exception.Message, null),
            NotRegisteredException => (403, "Not registered", exception.Message, null),
            ForbiddenException => (403, "Forbidden", exception.Message, null),
            ConflictException => (409, "Conflict", exception.Message, null),
            GoneException => (410, "Gone", exception.Message, null),
            TooManyRequestsException => (429, "Too many requests", exception.Message, null),
            DomainRuleException d => (d.IsConflict ? 409 : 422, d.IsConflict ? "Conflict" : "Rejected", exception.Message, null),
            DbUpdateConcurrencyException => (409, "Conflict", "The resource was changed by someone else; reload it and try again.", null),
            DbUpdateException db when UniqueConstraintViolation.Is(db) => (409, "Conflict", "The same change was just made by another request; reload and try again.", null),
            UnprocessableException => (422, "Rejected", exception.Message, null),
            ServiceUnavailableException => (503, "Service unavailable", exception.Message, null),
            PayloadTooLargeException => (413, "Payload too large", exception.Message, null),
            UnsupportedMediaTypeException => (415, "Unsupported media type", exception.Message, null),
            OperationCanceledException when http.RequestAborted.IsCancellationRequested => (499, "Client closed request", null, null),
            _ => (500, "Unexpected error", "Something went wrong on our side. It has been logged.", (IReadOnlyDictionary<string, string[]>?)null),
        };
        if (status == 500) logger.LogError(exception, "Unhandled exception for {Method} {Path}", http.Request.Method, http.Request.Path);

        http.Response.StatusCode = status;
        if (exception is TooManyRequestsException limited)
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(limited.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail };
        if (errors is not null) problem.Extensions["errors"] = errors;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>Malformed JSON and wrong types: say where, never how our code failed.</summary>
    private static string DescribeBadRequest(BadHttpRequestException b) => b.InnerException switch
    {
        JsonException { Path: { } path } json => $"The JSON body is invalid at '{path}': {FirstLine(json.Message)}",
        JsonException => "The request body is not valid JSON.",
        _ => b.Message,
    };

    private static string FirstLine(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
