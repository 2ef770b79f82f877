namespace Kasify.Application.Geo;

/// <summary>An ISO 3166-1 country: alpha-2 <paramref name="Code"/>, alpha-3 <paramref name="Code3"/>.</summary>
public sealed record Country(string Code, string Code3, string Name);
