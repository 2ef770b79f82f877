namespace Kasify.Infrastructure.Geo;

/// <summary>
/// Stable ids for provinces and municipalities, the same on every install: version 5 UUIDs over
/// "es-province:{INE 2-digit code}" and "es-municipality:{INE 5-digit code}" (see docs/geo-data.md).
/// </summary>
internal static class GeoIds
{
    /// <summary>Kasify's namespace for Geo ids. Never change it: stored ids would stop resolving.</summary>
    public static readonly Guid Namespace = new("6f1d2c3e-8a4b-4e57-9c1a-5b7e0d2f4a91");

    public static Guid ForProvince(string ineCode) => NameBasedGuid.Create(Namespace, $"es-province:{ineCode}");

    public static Guid ForMunicipality(string ineCode) => NameBasedGuid.Create(Namespace, $"es-municipality:{ineCode}");
}
