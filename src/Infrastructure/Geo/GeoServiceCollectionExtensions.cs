using Kasify.Application.Checkin;
using Kasify.Application.Geo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kasify.Infrastructure.Geo;

public static class GeoServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IGeoCatalog"/> (a singleton holding the embedded data) and the guest registration validator.</summary>
    public static IServiceCollection AddGeo(this IServiceCollection services)
    {
        services.TryAddSingleton<IGeoCatalog, GeoCatalog>();
        services.TryAddSingleton<GuestRegistrationValidator>();
        return services;
    }
}
