using Kasify.Infrastructure.Geo;

namespace Kasify.UnitTests.Geo;

public class GeoIdsTests
{
    [Test]
    public void Version_5_uuids_match_the_published_python_org_example()
    {
        // uuid.uuid5(uuid.NAMESPACE_DNS, "python.org") from Python's documentation.
        var dnsNamespace = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        NameBasedGuid.Create(dnsNamespace, "python.org").Should().Be(new Guid("886313e1-3b8a-5372-9b90-0c9aee199e5d"));
    }

    [TestCase("es-province:28", "b613c014-0386-5633-b32f-09066c676b48")]
    [TestCase("es-municipality:28079", "4e0392db-1733-5ece-b759-a7692362c383")]
    public void Geo_ids_are_pinned_so_stored_references_keep_working(string name, string expected)
    {
        NameBasedGuid.Create(GeoIds.Namespace, name).Should().Be(new Guid(expected));
    }

    [Test]
    public void Madrid_has_the_same_ids_on_every_load()
    {
        var first = new GeoCatalog().SearchCities("28079", null).Single();
        var second = new GeoCatalog().SearchCities("28079", null).Single();

        second.Should().Be(first);
        first.Id.Should().Be(new Guid("4e0392db-1733-5ece-b759-a7692362c383"));
        first.ProvinceId.Should().Be(new Guid("b613c014-0386-5633-b32f-09066c676b48"));
    }
}
