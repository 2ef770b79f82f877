using Kasify.Infrastructure.Geo;

namespace Kasify.UnitTests.Geo;

/// <summary>One loaded catalogue for all tests; loading parses about 8,000 municipalities.</summary>
internal static class SharedGeoCatalog
{
    private static readonly Lazy<GeoCatalog> Lazy = new(() => new GeoCatalog());

    public static GeoCatalog Instance => Lazy.Value;
}
