namespace Kasify.Application.Geo;

/// <summary>A Spanish municipality; <paramref name="Code"/> is the 5-digit INE code (province + municipality).</summary>
public sealed record City(Guid Id, string Code, string Name, Guid ProvinceId);
