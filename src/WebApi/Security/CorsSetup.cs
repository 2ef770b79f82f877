namespace Kasify.WebApi.Security;

/// <summary>
/// Browser dashboards on other origins may call the API only when listed in <c>Cors:AllowedOrigins</c>; none by
/// default. Tokens travel in the Authorization header, never in cookies, so credentials are not allowed.
/// </summary>
public static class CorsSetup
{
    public static IServiceCollection AddKasifyCors(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Cors:AllowedOrigins");
        var origins = section.GetChildren().Select(c => c.Value).Append(section.Value)
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(o => o.TrimEnd('/'))
            .ToArray();
        services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(origins).AllowAnyHeader().AllowAnyMethod()
            .WithExposedHeaders("Location", "Retry-After", "WWW-Authenticate")
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));
        return services;
    }
}
