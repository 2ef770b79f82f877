using Kasify.Application.Checkin;
using Kasify.Application.Geo;
using Kasify.Infrastructure.Geo;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.UnitTests.Geo;

public class GeoServiceCollectionExtensionsTests
{
    [Test]
    public void AddGeo_registers_one_shared_catalog_and_the_guest_validator()
    {
        using var provider = new ServiceCollection().AddGeo().BuildServiceProvider();

        provider.GetRequiredService<IGeoCatalog>().Should().BeSameAs(provider.GetRequiredService<IGeoCatalog>());
        provider.GetRequiredService<GuestRegistrationValidator>().Should().NotBeNull();
    }
}
