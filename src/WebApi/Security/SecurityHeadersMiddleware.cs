namespace Kasify.WebApi.Security;

/// <summary>
/// Headers on every answer, set as the response starts (so error pages and problems get them too):
/// <c>nosniff</c>; <c>Referrer-Policy: no-referrer</c>, because public URLs carry secret tokens (check-in, task and
/// calendar links) that must not leak to other sites; HSTS over HTTPS; and <c>Cache-Control: no-store</c> on JSON
/// that says nothing else, since our JSON is personal or secret-bearing and must not sit in shared caches.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string Hsts = "max-age=31536000; includeSubDomains";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            Apply(context);
            return Task.CompletedTask;
        });
        return next(context);
    }

    private static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        if (context.Request.IsHttps) headers.StrictTransportSecurity = Hsts;
        if (IsJson(context.Response.ContentType) && string.IsNullOrEmpty(headers.CacheControl)) headers.CacheControl = "no-store";
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
                                    || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase));
}
