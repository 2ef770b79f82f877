using Kasify.Application.Ses;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kasify.Infrastructure.Ses;

public static class SesServiceCollectionExtensions
{
    /// <summary>Registers <see cref="ISesClient"/>, configured from the <c>Ses</c> section.</summary>
    public static IServiceCollection AddSes(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SesOptions>()
            .Bind(configuration.GetSection(SesOptions.SectionName))
            .Validate(o => IsAbsoluteUrl(o.ProductionUrl) && IsAbsoluteUrl(o.TestUrl), "Ses:ProductionUrl and Ses:TestUrl must be absolute URLs")
            .Validate(o => o.TimeoutSeconds > 0, "Ses:TimeoutSeconds must be positive")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        // SesClient enforces Ses:TimeoutSeconds through the injected TimeProvider, so HttpClient's own clock is off.
        services.AddHttpClient<ISesClient, SesClient>(client => client.Timeout = Timeout.InfiniteTimeSpan);
        return services;
    }

    private static bool IsAbsoluteUrl(string url) => Uri.TryCreate(url, UriKind.Absolute, out _);
}
