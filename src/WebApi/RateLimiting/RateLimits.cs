using System.Globalization;
using System.Threading.RateLimiting;
using Kasify.WebApi.Auth;
using Kasify.WebApi.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Kasify.WebApi.RateLimiting;

/// <summary>
/// docs/api.md §1 limits, each a rolling one-minute window. Per-IP limits see the client's own address behind a trusted
/// reverse proxy (<see cref="ReverseProxySetup"/>) and an IPv6 client's whole /64 (<see cref="ClientAddress"/>).
/// </summary>
public static class RateLimits
{
    public const string Geo = "geo";
    public const string OpenApi = "openapi";
    public const string Checkin = "checkin";
    public const string PublicTask = "public-task";

    public static IServiceCollection AddKasifyRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        int Limit(string name, int fallback) => configuration.GetValue($"RateLimits:{name}", fallback);

        services.AddRateLimiter(o =>
        {
            // Personal access tokens: 100/min per token, whatever the endpoint.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
                ctx.User.FindFirst(KasifyClaims.PersonalAccessTokenId)?.Value is { } tokenId
                    ? RateLimitPartition.GetSlidingWindowLimiter("pat:" + tokenId, _ => PerMinute(Limit("PersonalAccessToken", 100)))
                    : RateLimitPartition.GetNoLimiter(""));
            AddPerIp(o, Geo, Limit("Geo", 50));
            AddPerIp(o, OpenApi, Limit("OpenApi", 10));
            AddPerIp(o, Checkin, Limit("Checkin", 30));
            AddPerIp(o, PublicTask, Limit("PublicTask", 30));
            o.OnRejected = WriteTooManyRequestsAsync;
        });
        return services;
    }

    private static void AddPerIp(RateLimiterOptions o, string policy, int permits) =>
        o.AddPolicy(policy, ctx => RateLimitPartition.GetSlidingWindowLimiter(
            policy + ":" + ClientAddress.PartitionKey(ctx.Connection.RemoteIpAddress), _ => PerMinute(permits)));

    private static SlidingWindowRateLimiterOptions PerMinute(int permits) => new()
    {
        PermitLimit = permits,
        Window = TimeSpan.FromMinutes(1),
        SegmentsPerWindow = 6,
        QueueLimit = 0,
    };

    private static async ValueTask WriteTooManyRequestsAsync(OnRejectedContext context, CancellationToken ct)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(10);
        var http = context.HttpContext;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = 429, Title = "Too many requests", Detail = "Rate limit reached; retry after the time in Retry-After." },
        });
    }
}
